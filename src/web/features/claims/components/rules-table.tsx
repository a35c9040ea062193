import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Grid, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { claimKindColor } from '../../../components/claim-marked-text';
import { useLanguage } from '../../../i18n';
import type { ClaimRuleView } from '../api/get-claim-rules';
import { TermTags } from './term-tags';

export type RuleChange = 'added' | 'changed';

interface RulesTableProps {
  rules: ClaimRuleView[];
  /** Marks rules edited in the current draft. */
  changes?: ReadonlyMap<string, RuleChange>;
  onEdit?: (index: number) => void;
  onDelete?: (index: number) => void;
  empty: ReactNode;
}

interface Row {
  rule: ClaimRuleView;
  index: number;
}

/** The claim rules, as a table on a desk and as cards on a phone; with edit actions while drafting. */
export function RulesTable({ rules, changes, onEdit, onDelete, empty }: RulesTableProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const wide = Grid.useBreakpoint().lg ?? true;
  const editable = Boolean(onEdit && onDelete);
  const local = (value: { zh: string; en: string }) => (language === 'en' ? value.en : value.zh);
  const rows: Row[] = rules.map((rule, index) => ({ rule, index }));

  const idCell = (rule: ClaimRuleView) => (
    <Space orientation="vertical" size={2}>
      <Typography.Text code style={{ overflowWrap: 'anywhere' }}>
        {rule.id}
      </Typography.Text>
      {changes?.get(rule.id) && (
        <Tag color={changes.get(rule.id) === 'added' ? 'green' : 'gold'}>{t(`claimRules.change.${changes.get(rule.id)!}`)}</Tag>
      )}
    </Space>
  );
  const kindCell = (rule: ClaimRuleView) => <Tag color={claimKindColor[rule.kind]}>{t(`claimRules.kinds.${rule.kind}`)}</Tag>;
  const certificateCell = (rule: ClaimRuleView) =>
    rule.certificateKind ? t(`certificates.kinds.${rule.certificateKind}.label`) : <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const actions = (row: Row, compact: boolean) => (
    <Space size={4}>
      <Button
        size="small"
        icon={<EditOutlined />}
        onClick={() => onEdit?.(row.index)}
        aria-label={compact ? t('claimRules.editRule', { id: row.rule.id }) : undefined}
      >
        {compact ? null : t('common.edit')}
      </Button>
      <Popconfirm
        title={t('claimRules.deleteConfirm', { id: row.rule.id })}
        okText={t('common.delete')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        onConfirm={() => onDelete?.(row.index)}
      >
        <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('claimRules.deleteRule', { id: row.rule.id })} />
      </Popconfirm>
    </Space>
  );

  if (!wide) {
    if (rows.length === 0) return <>{empty}</>;
    return (
      <div className="tt-review-cards">
        {rows.map((row) => (
          <Card
            key={`${row.index}-${row.rule.id}`}
            size="small"
            title={idCell(row.rule)}
            extra={kindCell(row.rule)}
            actions={editable ? [<div key="actions">{actions(row, false)}</div>] : undefined}
          >
            <Space orientation="vertical" size={8} style={{ width: '100%' }}>
              <div>
                <Typography.Text type="secondary">{t('claimRules.fields.terms')}：</Typography.Text>
                <TermTags terms={row.rule.terms} limit={8} color={claimKindColor[row.rule.kind]} />
              </div>
              {row.rule.exceptions && row.rule.exceptions.length > 0 && (
                <div>
                  <Typography.Text type="secondary">{t('claimRules.fields.exceptions')}：</Typography.Text>
                  <TermTags terms={row.rule.exceptions} limit={6} />
                </div>
              )}
              {row.rule.certificateKind && (
                <div>
                  <Typography.Text type="secondary">{t('claimRules.fields.certificateKind')}：</Typography.Text>
                  {certificateCell(row.rule)}
                </div>
              )}
              <Typography.Paragraph style={{ margin: 0 }}>{local(row.rule.reason)}</Typography.Paragraph>
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {t('claimRules.suggestionPrefix')}
                {local(row.rule.suggestion)}
              </Typography.Paragraph>
            </Space>
          </Card>
        ))}
      </div>
    );
  }

  const columns: TableColumnsType<Row> = [
    { title: t('claimRules.fields.id'), key: 'id', width: 170, render: (_, row) => idCell(row.rule) },
    {
      title: t('claimRules.fields.kind'),
      key: 'kind',
      width: 120,
      render: (_, row) => (
        <Space orientation="vertical" size={4}>
          {kindCell(row.rule)}
          {row.rule.certificateKind && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('claimRules.needs', { kind: t(`certificates.kinds.${row.rule.certificateKind}.label`) })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('claimRules.fields.terms'),
      key: 'terms',
      width: 250,
      render: (_, row) => <TermTags terms={row.rule.terms} color={claimKindColor[row.rule.kind]} />,
    },
    {
      title: t('claimRules.fields.exceptions'),
      key: 'exceptions',
      width: 180,
      render: (_, row) => <TermTags terms={row.rule.exceptions ?? []} limit={5} />,
    },
    {
      title: t('claimRules.fields.reasonAndSuggestion'),
      key: 'reason',
      // takes the rest of the row
      render: (_, row) => (
        <>
          <Typography.Paragraph ellipsis={{ rows: 3, expandable: 'collapsible' }} style={{ margin: '0 0 4px' }}>
            {local(row.rule.reason)}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 3, expandable: 'collapsible' }} style={{ margin: 0 }}>
            {t('claimRules.suggestionPrefix')}
            {local(row.rule.suggestion)}
          </Typography.Paragraph>
        </>
      ),
    },
    ...(editable
      ? [{ title: t('claimRules.fields.actions'), key: 'actions', fixed: 'right' as const, width: 96, render: (_: unknown, row: Row) => actions(row, true) }]
      : []),
  ];

  return (
    <Table<Row>
      rowKey={(row) => `${row.index}-${row.rule.id}`}
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false, hideOnSinglePage: true } : false}
      scroll={{ x: editable ? 1080 : 980 }}
      size="middle"
      locale={{ emptyText: empty }}
    />
  );
}
