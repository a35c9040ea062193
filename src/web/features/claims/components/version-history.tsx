import { HistoryOutlined } from '@ant-design/icons';
import { Button, Card, Drawer, Grid, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsoleEmpty, ConsoleError } from '../../../components/console/page-states';
import { RefreshButton } from '../../../components/console/refresh-button';
import { useLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { useClaimRuleVersion } from '../api/get-claim-rule-version';
import { useClaimRuleVersions } from '../api/list-claim-rule-versions';
import { RulesTable } from './rules-table';

function VersionDrawer({ version, onClose }: { version: number | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const query = useClaimRuleVersion(version);
  const wide = Grid.useBreakpoint().md ?? true;
  const data = query.data;
  return (
    <Drawer
      open={version !== undefined}
      onClose={onClose}
      size={wide ? 'min(1200px, 92vw)' : '100%'}
      title={version !== undefined ? t('claimRules.versionLabel', { version }) : undefined}
    >
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : query.isError ? (
        <ConsoleError error={query.error} onRetry={() => void query.refetch()} />
      ) : data ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {t('claimRules.versionMeta', { time: formatDateTime(data.createdAt, language), n: data.rules.length })}
            {data.note ? ` · ${data.note}` : ''}
          </Typography.Text>
          <RulesTable rules={data.rules} empty={<ConsoleEmpty title={t('claimRules.emptyRules')} />} />
        </Space>
      ) : null}
    </Drawer>
  );
}

/** Every published version, newest first; any can be opened read-only. */
export function VersionHistory({ currentVersion }: { currentVersion: number | undefined }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const query = useClaimRuleVersions();
  const [viewing, setViewing] = useState<number>();
  const items = query.data?.items ?? [];

  return (
    <Card
      title={
        <span>
          <HistoryOutlined /> {t('claimRules.history')}
        </span>
      }
      extra={
        <RefreshButton loading={query.isFetching} onRefresh={() => void query.refetch()} />
      }
    >
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : query.isError && !query.data ? (
        <ConsoleError error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <ConsoleEmpty title={t('claimRules.historyEmpty')} description={t('claimRules.historyEmptyHint')} />
      ) : (
        <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((item, index) => (
            <li
              key={item.version}
              style={{
                display: 'flex',
                flexWrap: 'wrap',
                gap: '4px 12px',
                alignItems: 'center',
                padding: '10px 0',
                borderTop: index === 0 ? undefined : '1px solid #f0f0f0',
              }}
            >
              <Typography.Text strong style={{ minWidth: 64 }}>
                {t('claimRules.versionLabel', { version: item.version })}
              </Typography.Text>
              {item.version === currentVersion && <Tag color="green">{t('claimRules.current')}</Tag>}
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(item.createdAt, language)}
              </Typography.Text>
              <Typography.Text type="secondary">{t('claimRules.ruleCount', { n: item.ruleCount })}</Typography.Text>
              <Typography.Text ellipsis={{ tooltip: item.note }} style={{ flex: '1 1 160px', minWidth: 0 }}>
                {item.note ?? <Typography.Text type="secondary">{t('claimRules.noNote')}</Typography.Text>}
              </Typography.Text>
              <Button size="small" onClick={() => setViewing(item.version)}>
                {t('claimRules.view')}
              </Button>
            </li>
          ))}
        </ol>
      )}
      <VersionDrawer version={viewing} onClose={() => setViewing(undefined)} />
    </Card>
  );
}
