// Plain data without TypeBox, so buyer pages can show category names without loading the schema library.
export const productCategories = [
  'tea',
  'flower_tea',
  'fruit',
  'vegetables',
  'grain_oil',
  'mushrooms',
  'nuts_dried',
  'honey',
  'meat_eggs',
  'aquatic',
  'specialty',
  'other',
] as const;
type Category = (typeof productCategories)[number];

/** Chinese and English names, shared so search, the seller form and the buyer pages agree. */
export const categoryNames: Record<Category, { zh: string; en: string }> = {
  tea: { zh: '茶叶', en: 'Tea' },
  flower_tea: { zh: '花草茶', en: 'Flower & herbal tea' },
  fruit: { zh: '水果', en: 'Fruit' },
  vegetables: { zh: '蔬菜', en: 'Vegetables' },
  grain_oil: { zh: '粮油米面', en: 'Grain & oil' },
  mushrooms: { zh: '菌菇', en: 'Mushrooms' },
  nuts_dried: { zh: '干果坚果', en: 'Nuts & dried goods' },
  honey: { zh: '蜂蜜', en: 'Honey' },
  meat_eggs: { zh: '禽肉蛋', en: 'Meat & eggs' },
  aquatic: { zh: '水产', en: 'Fish & aquatic' },
  specialty: { zh: '地方特产', en: 'Local specialties' },
  other: { zh: '其他', en: 'Other' },
};

