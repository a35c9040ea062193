import { CheckCircleOutlined, LoadingOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Tag, Typography } from 'antd';
import type { CertificateKind, ClaimViolationView } from '../../contracts/compliance';
import { useLanguage } from '../i18n';
import { useClaimCheck } from '../lib/claims/check-claims';
import { useDebouncedValue } from '../lib/use-debounced-value';
import { ClaimMarkedText, claimKindColor } from './claim-marked-text';
import './claim-hints.css';

/** The words around the hints; each editor says them its own way (a product's title, a live's script). */
export interface ClaimHintsCopy {
  checking: string;
  clean: string;
  failed: string;
  found: (n: number) => string;
  useRewrite: string;
  suggestion: string;
  kind: (kind: ClaimViolationView['kind']) => string;
  /** Set where the editor links certificates: says which one a certified claim needs. */
  needsCertificate?: ((kind: CertificateKind) => string) | undefined;
}

/** One violation: what, why, and what to write instead. */
function ViolationLine({ violation: v, index, copy }: { violation: ClaimViolationView; index: number; copy: ClaimHintsCopy }) {
  const { language } = useLanguage();
  const lang = language === 'en' ? 'en' : 'zh';
  return (
    <li className="tt-claim-line">
      <span className="tt-claim-index">{index + 1}</span>
      <Tag color={claimKindColor[v.kind]}>{copy.kind(v.kind)}</Tag>
      <Typography.Text strong>「{v.text}」</Typography.Text> <Typography.Text>{v.reason[lang]}</Typography.Text>
      {v.suggestion[lang] && (
        <div className="tt-claim-suggestion">
          {copy.suggestion}
          {v.suggestion[lang]}
        </div>
      )}
      {copy.needsCertificate && v.kind === 'certified' && v.certificateKind && (
        <div className="tt-claim-suggestion">{copy.needsCertificate(v.certificateKind)}</div>
      )}
    </li>
  );
}

/** A text with its flagged spans marked and the numbered list of reasons under it. */
export function MarkedViolations({ text, violations, copy }: { text: string; violations: ClaimViolationView[]; copy: ClaimHintsCopy }) {
  return (
    <>
      <ClaimMarkedText className="tt-claim-marked" text={text} violations={violations} />
      <ol className="tt-claim-list">
        {violations.map((v, index) => (
          <ViolationLine key={`${v.start}-${v.end}`} violation={v} index={index} copy={copy} />
        ))}
      </ol>
    </>
  );
}

/**
 * Checks a field's text a moment after the seller stops typing and shows the offending spans,
 * so banned wording is fixed now rather than bounced by the server on save or on going live.
 */
export function ClaimHints({
  text,
  copy,
  certificateIds,
  onUseRewrite,
}: {
  text: string;
  copy: ClaimHintsCopy;
  /** Judge against these certificates; left out, against all the seller's valid ones. */
  certificateIds?: string[] | undefined;
  onUseRewrite?: (rewrite: string) => void;
}) {
  const debounced = useDebouncedValue(text, 400);
  // A hint while typing must not nag when the check fails; saving checks again on the server.
  const check = useClaimCheck(debounced, { certificateIds, retry: false });
  if (!text.trim()) return null;

  const data = check.data;
  // Spans are only drawn on the exact text they were computed for.
  const current = data && data.text === text ? data : undefined;
  const waiting = debounced !== text || check.isFetching;

  if (check.isError && !current) {
    return (
      <Typography.Text type="secondary" className="tt-claim-status">
        {copy.failed}
      </Typography.Text>
    );
  }
  if (!current) {
    return waiting ? (
      <Typography.Text type="secondary" className="tt-claim-status">
        <LoadingOutlined /> {copy.checking}
      </Typography.Text>
    ) : null;
  }
  const { violations, rewrite } = current.result;
  if (violations.length === 0) {
    return (
      <Typography.Text type="success" className="tt-claim-status">
        <CheckCircleOutlined /> {copy.clean}
      </Typography.Text>
    );
  }
  return (
    <div className="tt-claim-box" role="status" aria-live="polite">
      <div className="tt-claim-head">
        <Typography.Text type="danger" strong>
          <WarningOutlined /> {copy.found(violations.length)}
        </Typography.Text>
        {onUseRewrite && rewrite !== text && (
          <Button size="small" onClick={() => onUseRewrite(rewrite)}>
            {copy.useRewrite}
          </Button>
        )}
      </div>
      <MarkedViolations text={current.text} violations={violations} copy={copy} />
    </div>
  );
}
