import { Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CertificateKind } from '../../../../contracts/compliance';
import type { ClaimRuleView } from '../api/get-claim-rules';
import { claimKinds, type ClaimKind } from './claim-kinds';

const certificateKinds: readonly CertificateKind[] = ['organic', 'green_food', 'geo_indication', 'sc_licence', 'compliance_cert'];

type ReplacementMode = 'none' | 'delete' | 'replace';

interface FormValues {
  id: string;
  kind: ClaimKind;
  certificateKind?: CertificateKind;
  terms: string[];
  exceptions?: string[];
  reasonZh: string;
  reasonEn: string;
  suggestionZh: string;
  suggestionEn: string;
  replacementMode: ReplacementMode;
  replacement?: string;
}

interface RuleEditorModalProps {
  /** undefined: closed; null: a new rule. */
  rule: ClaimRuleView | null | undefined;
  /** Ids of the other rules, which must stay unique. */
  takenIds: ReadonlySet<string>;
  onCancel: () => void;
  onSave: (rule: ClaimRuleView) => void;
}

const termSeparators = [',', '，', '、', ';', '；', '\n'];

function toForm(rule: ClaimRuleView | null): Partial<FormValues> {
  if (!rule) return { kind: 'absolute', terms: [], exceptions: [], replacementMode: 'none' };
  return {
    id: rule.id,
    kind: rule.kind,
    certificateKind: rule.certificateKind,
    terms: rule.terms,
    exceptions: rule.exceptions ?? [],
    reasonZh: rule.reason.zh,
    reasonEn: rule.reason.en,
    suggestionZh: rule.suggestion.zh,
    suggestionEn: rule.suggestion.en,
    replacementMode: rule.replacement === undefined ? 'none' : rule.replacement === '' ? 'delete' : 'replace',
    replacement: rule.replacement || undefined,
  };
}

function clean(list: readonly string[] | undefined): string[] {
  return [...new Set((list ?? []).map((term) => term.trim()).filter(Boolean))];
}

/** Add or change one rule of the draft; nothing reaches the server until the draft is published. */
export function RuleEditorModal({ rule, takenIds, onCancel, onSave }: RuleEditorModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form);
  const replacementMode = Form.useWatch('replacementMode', form);

  const save = async () => {
    const v = await form.validateFields();
    const terms = clean(v.terms);
    const exceptions = clean(v.exceptions);
    // Per-term replacements only make sense for terms the rule still has; the server refuses the rest.
    const termReplacements = rule?.termReplacements
      ? Object.fromEntries(Object.entries(rule.termReplacements).filter(([term]) => terms.includes(term)))
      : undefined;
    const next: ClaimRuleView = {
      id: v.id.trim(),
      kind: v.kind,
      terms,
      ...(exceptions.length ? { exceptions } : {}),
      ...(v.kind === 'certified' && v.certificateKind ? { certificateKind: v.certificateKind } : {}),
      reason: { zh: v.reasonZh.trim(), en: v.reasonEn.trim() },
      suggestion: { zh: v.suggestionZh.trim(), en: v.suggestionEn.trim() },
      ...(v.replacementMode === 'delete' ? { replacement: '' } : {}),
      ...(v.replacementMode === 'replace' ? { replacement: (v.replacement ?? '').trim() } : {}),
      ...(termReplacements && Object.keys(termReplacements).length ? { termReplacements } : {}),
    };
    onSave(next);
  };

  const termRules = (required: boolean) => [
    ...(required ? [{ required: true, type: 'array' as const, min: 1, message: t('claimRules.editor.termsRequired') }] : []),
    {
      validator: (_: unknown, value: string[] | undefined) =>
        (value ?? []).every((term) => term.trim().length >= 1 && term.trim().length <= 40)
          ? Promise.resolve()
          : Promise.reject(new Error(t('claimRules.editor.termLength'))),
    },
    {
      validator: (_: unknown, value: string[] | undefined) =>
        (value ?? []).length <= 500 ? Promise.resolve() : Promise.reject(new Error(t('claimRules.editor.termCount'))),
    },
  ];

  const localized = (name: keyof FormValues, label: string, rows: number) => (
    <Form.Item name={name} label={label} rules={[{ required: true, whitespace: true, message: t('claimRules.editor.textRequired', { field: label }) }]}>
      <Input.TextArea autoSize={{ minRows: rows, maxRows: 6 }} />
    </Form.Item>
  );

  return (
    <Modal
      open={rule !== undefined}
      title={rule ? t('claimRules.editor.editTitle', { id: rule.id }) : t('claimRules.editor.addTitle')}
      okText={t('claimRules.editor.apply')}
      cancelText={t('common.cancel')}
      onOk={() => void save().catch(() => undefined)}
      onCancel={onCancel}
      destroyOnHidden
      width={720}
    >
      <Typography.Paragraph type="secondary">{t('claimRules.editor.intro')}</Typography.Paragraph>
      <Form<FormValues> form={form} layout="vertical" preserve={false} initialValues={toForm(rule ?? null)}>
        <Form.Item
          name="id"
          label={t('claimRules.fields.id')}
          extra={t('claimRules.editor.idHelp')}
          rules={[
            { required: true, whitespace: true, message: t('claimRules.editor.idRequired') },
            { max: 60, message: t('claimRules.editor.idLength') },
            {
              validator: (_, value: string | undefined) =>
                value && takenIds.has(value.trim()) ? Promise.reject(new Error(t('claimRules.editor.idTaken'))) : Promise.resolve(),
            },
          ]}
        >
          <Input maxLength={60} placeholder="absolute.example" autoComplete="off" />
        </Form.Item>
        <Form.Item name="kind" label={t('claimRules.fields.kind')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={claimKinds.map((k) => ({ value: k, label: t(`claimRules.kinds.${k}`) }))}
          />
        </Form.Item>
        {kind === 'certified' && (
          <Form.Item
            name="certificateKind"
            label={t('claimRules.fields.certificateKind')}
            extra={t('claimRules.editor.certificateHelp')}
            rules={[{ required: true, message: t('claimRules.editor.certificateRequired') }]}
          >
            <Select<CertificateKind>
              options={certificateKinds.map((k) => ({ value: k, label: t(`certificates.kinds.${k}.label`) }))}
              placeholder={t('claimRules.editor.certificatePlaceholder')}
            />
          </Form.Item>
        )}
        <Form.Item name="terms" label={t('claimRules.fields.terms')} extra={t('claimRules.editor.termsHelp')} rules={termRules(true)}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={termSeparators} placeholder={t('claimRules.editor.termsPlaceholder')} />
        </Form.Item>
        <Form.Item name="exceptions" label={t('claimRules.fields.exceptions')} extra={t('claimRules.editor.exceptionsHelp')} rules={termRules(false)}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={termSeparators} placeholder={t('claimRules.editor.exceptionsPlaceholder')} />
        </Form.Item>
        {localized('reasonZh', t('claimRules.editor.reasonZh'), 2)}
        {localized('reasonEn', t('claimRules.editor.reasonEn'), 2)}
        {localized('suggestionZh', t('claimRules.editor.suggestionZh'), 2)}
        {localized('suggestionEn', t('claimRules.editor.suggestionEn'), 2)}
        <Form.Item name="replacementMode" label={t('claimRules.fields.replacement')} extra={t('claimRules.editor.replacementHelp')}>
          <Radio.Group
            options={(['none', 'delete', 'replace'] as const).map((mode) => ({ value: mode, label: t(`claimRules.editor.replacementModes.${mode}`) }))}
          />
        </Form.Item>
        {replacementMode === 'replace' && (
          <Form.Item
            name="replacement"
            label={t('claimRules.editor.replacementText')}
            rules={[
              { required: true, whitespace: true, message: t('claimRules.editor.replacementRequired') },
              { max: 40, message: t('claimRules.editor.replacementLength') },
            ]}
          >
            <Input maxLength={40} />
          </Form.Item>
        )}
        {rule?.termReplacements && Object.keys(rule.termReplacements).length > 0 && (
          <Typography.Paragraph type="secondary">
            {t('claimRules.editor.termReplacementsKept', { n: Object.keys(rule.termReplacements).length })}
          </Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}
