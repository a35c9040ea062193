import { useTranslation } from 'react-i18next';
import type { VerificationView } from '../../../../contracts/accounts';
import { RejectReasonModal } from '../../../components/console/reject-reason-modal';
import { useReviewVerification } from '../api/review-verification';

interface RejectModalProps {
  verification: VerificationView | undefined;
  onClose: () => void;
  onRejected: (verification: VerificationView) => void;
}

export function RejectModal({ verification, onClose, onRejected }: RejectModalProps) {
  const { t } = useTranslation();
  const review = useReviewVerification();
  return (
    <RejectReasonModal
      target={verification}
      intro={(v) => t('admin.reject.intro', { organization: v.organizationName, name: v.legalName })}
      texts={{
        title: t('admin.reject.title'),
        confirm: t('admin.reject.confirm'),
        reason: t('admin.reject.reason'),
        reasonHelp: t('admin.reject.reasonHelp'),
        reasonPlaceholder: t('admin.reject.reasonPlaceholder'),
        reasonRequired: t('admin.reject.reasonRequired'),
        reasonLength: t('admin.reject.reasonLength'),
      }}
      reject={(v, reason) => review.mutateAsync({ id: v.id, review: { decision: 'reject', reason } })}
      rejecting={review.isPending}
      onClose={onClose}
      onRejected={onRejected}
    />
  );
}
