import { CheckCircleOutlined, LoadingOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClaimViolationView } from '../../../../contracts/compliance';
import { ClaimMarkedText, claimKindColor } from '../../../components/claim-marked-text';
import { useLanguage } from '../../../i18n';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useClaimCheck } from '../api/check-claims';

/** One violation: what, why, and what to write instead. */
export function ViolationLine({ violation: v, index }: { violation: ClaimViolationView; index?: number }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const lang = language === 'en' ? 'en' : 'zh';
  return (
    <li className="tt-claim-line">
      {index !== undefined && <span className="tt-claim-index">{index + 1}</span>}
      <Tag color={claimKindColor[v.kind]}>{t(`products.editor.claims.kinds.${v.kind}`)}</Tag>
      <Typography.Text strong>「{v.text}」</Typography.Text> <Typography.Text>{v.reason[lang]}</Typography.Text>
      {v.suggestion[lang] && (
        <div className="tt-claim-suggestion">
          {t('products.editor.claims.suggestion')}
          {v.suggestion[lang]}
        </div>
      )}
      {v.kind === 'certified' && v.certificateKind && (
        <div className="tt-claim-suggestion">{t('products.editor.claims.needsCertificate', { kind: t(`products.certificateKinds.${v.certificateKind}`) })}</div>
      )}
    </li>
  );
}

/**
 * Checks a field's text a moment after the seller stops typing and shows the offending spans,
 * so banned wording is fixed before saving rather than bounced by the server.
 */
export function ClaimHints({
  text,
  certificateIds,
  onUseRewrite,
}: {
  text: string;
  certificateIds: string[];
  onUseRewrite?: (rewrite: string) => void;
}) {
  const { t } = useTranslation();
  const debounced = useDebouncedValue(text, 400);
  const check = useClaimCheck(debounced, certificateIds);
  if (!text.trim()) return null;

  const data = check.data;
  // Spans are only drawn on the exact text they were computed for.
  const current = data && data.text === text ? data : undefined;
  const waiting = debounced !== text || check.isFetching;

  if (check.isError && !current) {
    return (
      <Typography.Text type="secondary" className="tt-claim-status">
        {t('products.editor.claims.failed')}
      </Typography.Text>
    );
  }
  if (!current) {
    return waiting ? (
      <Typography.Text type="secondary" className="tt-claim-status">
        <LoadingOutlined /> {t('products.editor.claims.checking')}
      </Typography.Text>
    ) : null;
  }
  const { violations, rewrite } = current.result;
  if (violations.length === 0) {
    return (
      <Typography.Text type="success" className="tt-claim-status">
        <CheckCircleOutlined /> {t('products.editor.claims.clean')}
      </Typography.Text>
    );
  }
  return (
    <div className="tt-claim-box" role="status" aria-live="polite">
      <div className="tt-claim-head">
        <Typography.Text type="danger" strong>
          <WarningOutlined /> {t('products.editor.claims.found', { n: violations.length })}
        </Typography.Text>
        {onUseRewrite && rewrite !== text && (
          <Button size="small" onClick={() => onUseRewrite(rewrite)}>
            {t('products.editor.claims.useRewrite')}
          </Button>
        )}
      </div>
      <ClaimMarkedText className="tt-claim-marked" text={current.text} violations={violations} />
      <ol className="tt-claim-list">
        {violations.map((v, index) => (
          <ViolationLine key={`${v.start}-${v.end}`} violation={v} index={index} />
        ))}
      </ol>
    </div>
  );
}
