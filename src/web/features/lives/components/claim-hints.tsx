import { CheckCircleOutlined, LoadingOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClaimViolationView } from '../../../../contracts/compliance';
import { ClaimMarkedText, claimKindColor } from '../../../components/claim-marked-text';
import { useLanguage } from '../../../i18n';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useClaimCheck } from '../api/check-claims';

/** One flagged phrase: what, why, and what to say instead. */
export function ViolationLine({ violation: v, index }: { violation: ClaimViolationView; index: number }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const lang = language === 'en' ? 'en' : 'zh';
  return (
    <li className="tt-lives-claim-line">
      <span className="tt-lives-claim-index">{index + 1}</span>
      <Tag color={claimKindColor[v.kind]}>{t(`lives.claims.kinds.${v.kind}`)}</Tag>
      <Typography.Text strong>「{v.text}」</Typography.Text> <Typography.Text>{v.reason[lang]}</Typography.Text>
      {v.suggestion[lang] && (
        <div className="tt-lives-claim-suggestion">
          {t('lives.claims.suggestion')}
          {v.suggestion[lang]}
        </div>
      )}
    </li>
  );
}

/** A text with its flagged spans marked and the list of reasons under it. */
export function MarkedViolations({ text, violations }: { text: string; violations: ClaimViolationView[] }) {
  return (
    <>
      <ClaimMarkedText className="tt-lives-claim-marked" text={text} violations={violations} />
      <ol className="tt-lives-claim-list">
        {violations.map((v, index) => (
          <ViolationLine key={`${v.start}-${v.end}`} violation={v} index={index} />
        ))}
      </ol>
    </>
  );
}

/**
 * Checks a field a moment after the anchor stops typing, so wording that would stop the live
 * from starting is fixed now rather than when OBS is already pointed at the room.
 */
export function ClaimHints({ text, onUseRewrite }: { text: string; onUseRewrite?: (rewrite: string) => void }) {
  const { t } = useTranslation();
  const debounced = useDebouncedValue(text, 400);
  const check = useClaimCheck(debounced);
  if (!text.trim()) return null;

  // Spans are only drawn on the exact text they were computed for.
  const current = check.data && check.data.text === text ? check.data : undefined;
  const waiting = debounced !== text || check.isFetching;

  if (check.isError && !current) {
    return (
      <Typography.Text type="secondary" className="tt-lives-claim-status">
        {t('lives.claims.failed')}
      </Typography.Text>
    );
  }
  if (!current) {
    return waiting ? (
      <Typography.Text type="secondary" className="tt-lives-claim-status">
        <LoadingOutlined /> {t('lives.claims.checking')}
      </Typography.Text>
    ) : null;
  }
  const { violations, rewrite } = current.result;
  if (violations.length === 0) {
    return (
      <Typography.Text type="success" className="tt-lives-claim-status">
        <CheckCircleOutlined /> {t('lives.claims.clean')}
      </Typography.Text>
    );
  }
  return (
    <div className="tt-lives-claim-box" role="status" aria-live="polite">
      <div className="tt-lives-claim-head">
        <Typography.Text type="danger" strong>
          <WarningOutlined /> {t('lives.claims.found', { n: violations.length })}
        </Typography.Text>
        {onUseRewrite && rewrite !== text && (
          <Button size="small" onClick={() => onUseRewrite(rewrite)}>
            {t('lives.claims.useRewrite')}
          </Button>
        )}
      </div>
      <MarkedViolations text={current.text} violations={violations} />
    </div>
  );
}
