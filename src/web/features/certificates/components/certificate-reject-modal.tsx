import { useTranslation } from 'react-i18next';
import type { CertificateView } from '../../../../contracts/compliance';
import { RejectReasonModal } from '../../../components/console/reject-reason-modal';
import { useReviewCertificate } from '../api/review-certificate';

interface CertificateRejectModalProps {
  certificate: CertificateView | undefined;
  onClose: () => void;
  onRejected: (certificate: CertificateView) => void;
}

const quickReasons = ['unreadable', 'mismatch', 'expired', 'wrongKind', 'noScan'] as const;

/** Like the verification reject dialog, plus the reasons reviewers give most often, one tap each. */
export function CertificateRejectModal({ certificate, onClose, onRejected }: CertificateRejectModalProps) {
  const { t } = useTranslation();
  const review = useReviewCertificate();
  return (
    <RejectReasonModal
      target={certificate}
      intro={(c) =>
        t('certificates.review.rejectIntro', { kind: t(`certificates.kinds.${c.kind}.label`), number: c.number })
      }
      texts={{
        title: t('certificates.review.rejectTitle'),
        confirm: t('certificates.review.rejectConfirm'),
        reason: t('certificates.review.reason'),
        reasonHelp: t('certificates.review.reasonHelp'),
        reasonPlaceholder: t('certificates.review.reasonPlaceholder'),
        reasonRequired: t('certificates.review.reasonRequired'),
        reasonLength: t('certificates.review.reasonLength'),
      }}
      quickReasons={{
        label: t('certificates.review.quickReasons'),
        reasons: quickReasons.map((key) => t(`certificates.review.reasons.${key}`)),
      }}
      reject={(c, reason) => review.mutateAsync({ id: c.id, review: { decision: 'reject', reason } })}
      rejecting={review.isPending}
      onClose={onClose}
      onRejected={onRejected}
    />
  );
}
