import { EditOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../../../components/console/page-states';
import { RefreshButton } from '../../../components/console/refresh-button';
import { useLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { useClaimRules, type ClaimRuleView } from '../api/get-claim-rules';
import { usePublishClaimRules } from '../api/publish-claim-rules';
import { PublishModal, type DraftSummary } from './publish-modal';
import { RuleEditorModal } from './rule-editor-modal';
import { RulesTable, type RuleChange } from './rules-table';
import { VersionHistory } from './version-history';

interface Draft {
  baseVersion: number;
  rules: ClaimRuleView[];
}

/** Which draft rules are new or edited, and how many of the base rules are gone, keyed by rule id. */
function diff(base: ClaimRuleView[], draft: ClaimRuleView[]): { changes: Map<string, RuleChange>; summary: DraftSummary } {
  const before = new Map(base.map((rule) => [rule.id, JSON.stringify(rule)]));
  const changes = new Map<string, RuleChange>();
  for (const rule of draft) {
    const old = before.get(rule.id);
    if (old === undefined) changes.set(rule.id, 'added');
    else if (old !== JSON.stringify(rule)) changes.set(rule.id, 'changed');
  }
  const kept = new Set(draft.map((rule) => rule.id));
  const removed = base.filter((rule) => !kept.has(rule.id)).length;
  let added = 0;
  let changed = 0;
  for (const change of changes.values()) change === 'added' ? added++ : changed++;
  return { changes, summary: { added, changed, removed } };
}

function matches(rule: ClaimRuleView, needle: string): boolean {
  const q = needle.trim().toLowerCase();
  if (!q) return true;
  return [rule.id, ...rule.terms, ...(rule.exceptions ?? []), rule.reason.zh, rule.reason.en, rule.suggestion.zh, rule.suggestion.en].some((s) =>
    s.toLowerCase().includes(q),
  );
}

/** Admin console → 违禁词库: the rules every text is checked against, edited as a draft and published as a new version. */
export function ClaimRulesPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message, modal } = App.useApp();
  const current = useClaimRules();
  const publish = usePublishClaimRules();
  const [draft, setDraft] = useState<Draft>();
  const [editing, setEditing] = useState<number | 'new'>();
  const [publishOpen, setPublishOpen] = useState(false);
  const [search, setSearch] = useState('');

  const base = current.data;
  const rules = draft?.rules ?? base?.rules ?? [];
  const { changes, summary } = useMemo(() => diff(base?.rules ?? [], draft?.rules ?? []), [base, draft]);
  const dirty = draft !== undefined && (summary.added + summary.changed + summary.removed > 0);

  // An unpublished draft lives only in this page; leaving must be a decision.
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  // The blocker is a new object on every render; the dialog must open once per blocked navigation.
  const blockerRef = useRef(blocker);
  blockerRef.current = blocker;
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: t('claimRules.leave.title'),
      content: t('claimRules.leave.text'),
      okText: t('claimRules.leave.confirm'),
      okButtonProps: { danger: true },
      cancelText: t('claimRules.leave.stay'),
      onOk: () => {
        const b = blockerRef.current;
        if (b.state === 'blocked') b.proceed();
      },
      onCancel: () => {
        const b = blockerRef.current;
        if (b.state === 'blocked') b.reset();
      },
    });
  }, [blocker.state, modal, t]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const startEditing = () => base && setDraft({ baseVersion: base.version, rules: base.rules.map((rule) => structuredClone(rule)) });
  const discard = () => {
    setDraft(undefined);
    publish.reset();
  };
  const reloadLatest = () => {
    setPublishOpen(false);
    discard();
    void current.refetch();
  };

  const saveRule = (rule: ClaimRuleView) => {
    if (!draft || editing === undefined) return;
    const next = [...draft.rules];
    if (editing === 'new') next.push(rule);
    else next[editing] = rule;
    setDraft({ ...draft, rules: next });
    setEditing(undefined);
  };
  const deleteRule = (index: number) => draft && setDraft({ ...draft, rules: draft.rules.filter((_, i) => i !== index) });

  const doPublish = (note: string | undefined) => {
    if (!draft) return;
    publish.mutate(
      { baseVersion: draft.baseVersion, body: { rules: draft.rules, ...(note ? { note } : {}) } },
      {
        onSuccess: (published) => {
          setPublishOpen(false);
          setDraft(undefined);
          void message.success(t('claimRules.publish.done', { version: published.version }));
        },
      },
    );
  };

  if (current.isPending) return <ConsoleLoading />;
  if (!base) {
    return (
      <Card title={t('claimRules.title')}>
        <ConsoleError error={current.error} onRetry={() => void current.refetch()} />
      </Card>
    );
  }

  const visible = rules.map((rule, index) => ({ rule, index })).filter(({ rule }) => matches(rule, search));
  const editingRule = editing === undefined ? undefined : editing === 'new' ? null : draft?.rules[editing];
  const takenIds = new Set((draft?.rules ?? []).filter((_, i) => i !== editing).map((rule) => rule.id));
  // The table works on the filtered rows, so its indexes are mapped back to the draft's.
  const shownIndex = (i: number) => visible[i]?.index ?? i;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space size={8} wrap>
            <span>{t('claimRules.title')}</span>
            <Tag color="green">{t('claimRules.versionLabel', { version: base.version })}</Tag>
          </Space>
        }
        extra={
          !draft && (
            <Space size={4}>
              <RefreshButton loading={current.isFetching} onRefresh={() => void current.refetch()} />
              <Button type="primary" icon={<EditOutlined />} onClick={startEditing}>
                {t('claimRules.edit')}
              </Button>
            </Space>
          )
        }
      >
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {base.createdBy
              ? t('claimRules.currentMeta', { time: formatDateTime(base.createdAt, language), n: base.rules.length })
              : t('claimRules.builtIn', { n: base.rules.length })}
            {base.createdBy && base.note ? ` · ${base.note}` : ''}
          </Typography.Text>
          {current.isError && (
            <Typography.Text type="danger" role="alert">
              {t('claimRules.refreshFailed')}
            </Typography.Text>
          )}
          {draft && (
            <Alert
              type={dirty ? 'warning' : 'info'}
              showIcon
              title={t('claimRules.draft.title', { version: draft.baseVersion })}
              description={
                dirty
                  ? t('claimRules.draft.summary', { ...summary })
                  : t('claimRules.draft.noChanges')
              }
              action={
                <Space orientation="vertical" size={8}>
                  <Button type="primary" size="small" disabled={!dirty || draft.rules.length === 0} onClick={() => setPublishOpen(true)} block>
                    {t('claimRules.publish.open')}
                  </Button>
                  <Button size="small" onClick={discard} block>
                    {t('claimRules.draft.discard')}
                  </Button>
                </Space>
              }
            />
          )}
          <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
            <Input
              allowClear
              prefix={<SearchOutlined />}
              placeholder={t('claimRules.search')}
              aria-label={t('claimRules.search')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              style={{ width: 280, maxWidth: '100%' }}
            />
            {draft && (
              <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t('claimRules.addRule')}
              </Button>
            )}
          </Space>
          <RulesTable
            rules={visible.map((v) => v.rule)}
            changes={draft ? changes : undefined}
            onEdit={draft ? (i) => setEditing(shownIndex(i)) : undefined}
            onDelete={draft ? (i) => deleteRule(shownIndex(i)) : undefined}
            empty={
              <ConsoleEmpty title={search ? t('claimRules.noMatch') : t('claimRules.emptyRules')} description={search ? undefined : t('claimRules.emptyRulesHint')} />
            }
          />
        </Space>
      </Card>
      <VersionHistory currentVersion={base.version} />
      <RuleEditorModal rule={editingRule} takenIds={takenIds} onCancel={() => setEditing(undefined)} onSave={saveRule} />
      {draft && (
        <PublishModal
          open={publishOpen}
          baseVersion={draft.baseVersion}
          summary={summary}
          rules={draft.rules}
          publishing={publish.isPending}
          error={publish.error}
          onPublish={doPublish}
          onCancel={() => {
            setPublishOpen(false);
            publish.reset();
          }}
          onReload={reloadLatest}
        />
      )}
    </Space>
  );
}
