import { Alert, Button, Descriptions, Form, Input, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/form-errors';
import type { ClaimRuleView } from '../api/get-claim-rules';

export interface DraftSummary {
  added: number;
  changed: number;
  removed: number;
}

interface PublishModalProps {
  open: boolean;
  baseVersion: number;
  summary: DraftSummary;
  rules: ClaimRuleView[];
  publishing: boolean;
  error: unknown;
  onPublish: (note: string | undefined) => void;
  onCancel: () => void;
  onReload: () => void;
}

/** The server's reasons for refusing a list, each pointed at the rule it is about where it can be. */
function problemsOf(error: unknown, rules: ClaimRuleView[]): string[] {
  if (!isApiError(error) || error.fields.length === 0) return [];
  return error.fields.map((field) => {
    const index = /^\/rules\/(\d+)/.exec(field.path)?.[1];
    const rule = index !== undefined ? rules[Number(index)] : undefined;
    return rule ? `${rule.id}${field.path.slice(`/rules/${index}`.length) || ''}: ${field.message}` : field.message;
  });
}

export function PublishModal({ open, baseVersion, summary, rules, publishing, error, onPublish, onCancel, onReload }: PublishModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note?: string }>();
  const conflict = isApiError(error, 'CLAIM_RULES_CHANGED');
  const problems = problemsOf(error, rules);

  return (
    <Modal
      open={open}
      title={t('claimRules.publish.title', { version: baseVersion + 1 })}
      onCancel={onCancel}
      destroyOnHidden
      footer={
        <Space wrap style={{ justifyContent: 'flex-end' }}>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          {conflict ? (
            <Button type="primary" danger onClick={onReload}>
              {t('claimRules.conflict.reload')}
            </Button>
          ) : (
            <Button
              type="primary"
              loading={publishing}
              onClick={() => {
                const note = (form.getFieldValue('note') as string | undefined)?.trim();
                onPublish(note || undefined);
              }}
            >
              {t('claimRules.publish.confirm')}
            </Button>
          )}
        </Space>
      }
    >
      {conflict ? (
        <Alert type="warning" showIcon title={t('claimRules.conflict.title')} description={t('claimRules.conflict.text')} style={{ marginBottom: 16 }} />
      ) : error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorMessage(error, t('common.requestFailed'))}
          description={
            problems.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : undefined
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { key: 'base', label: t('claimRules.publish.base'), children: t('claimRules.versionLabel', { version: baseVersion }) },
          { key: 'added', label: t('claimRules.publish.added'), children: summary.added },
          { key: 'changed', label: t('claimRules.publish.changed'), children: summary.changed },
          { key: 'removed', label: t('claimRules.publish.removed'), children: summary.removed },
          { key: 'total', label: t('claimRules.publish.total'), children: rules.length },
        ]}
      />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="note" label={t('claimRules.publish.note')} extra={t('claimRules.publish.noteHelp')}>
          <Input.TextArea rows={2} maxLength={200} showCount placeholder={t('claimRules.publish.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
