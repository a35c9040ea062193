import { Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A rule's terms as tags; long lists start folded so a table row stays readable. */
export function TermTags({ terms, color, limit = 10 }: { terms: readonly string[]; color?: string; limit?: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (terms.length === 0) return <span>{t('common.none')}</span>;
  const shown = open ? terms : terms.slice(0, limit);
  return (
    <Space size={[4, 4]} wrap>
      {shown.map((term) => (
        <Tag key={term} color={color} style={{ marginInlineEnd: 0 }}>
          {term}
        </Tag>
      ))}
      {terms.length > limit && (
        <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {open ? t('claimRules.showLess') : t('claimRules.showMore', { n: terms.length - limit })}
        </Button>
      )}
    </Space>
  );
}
