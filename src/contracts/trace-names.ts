// Plain data without TypeBox, so pages can name units and event kinds without loading the schema library.
/** In the order the console offers them. */
export const lotUnits = ['kg', 'jin', 'g', 't', 'box', 'bag', 'can', 'piece', 'basket'] as const;

type Unit = (typeof lotUnits)[number];

/** Shared so the seller console, the trace page and the labels name units alike. */
export const lotUnitNames: Record<Unit, { zh: string; en: string }> = {
  kg: { zh: '千克', en: 'kg' },
  jin: { zh: '斤', en: 'jin (500 g)' },
  g: { zh: '克', en: 'g' },
  t: { zh: '吨', en: 't' },
  box: { zh: '箱', en: 'boxes' },
  bag: { zh: '袋', en: 'bags' },
  can: { zh: '罐', en: 'cans' },
  piece: { zh: '个', en: 'pieces' },
  basket: { zh: '筐', en: 'baskets' },
};

export const lotEventKinds = ['planting', 'picking', 'processing', 'packing', 'inspection', 'other'] as const;

type EventKind = (typeof lotEventKinds)[number];

export const lotEventKindNames: Record<EventKind, { zh: string; en: string }> = {
  planting: { zh: '种植', en: 'Planting' },
  picking: { zh: '采摘', en: 'Picking' },
  processing: { zh: '加工', en: 'Processing' },
  packing: { zh: '包装', en: 'Packing' },
  inspection: { zh: '检测', en: 'Inspection' },
  other: { zh: '其他', en: 'Other' },
};

