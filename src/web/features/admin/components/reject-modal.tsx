import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerificationView } from '../../../../contracts/accounts';
import { errorMessage, fieldErrorsFor } from '../../../lib/form-errors';
import { useReviewVerification } from '../api/review-verification';

interface RejectModalProps {
  verification: VerificationView | undefined;
  onClose: () => void;
  onRejected: (verification: VerificationView) => void;
}

export function RejectModal({ verification, onClose, onRejected }: RejectModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const review = useReviewVerification();
  const [formError, setFormError] = useState<string>();

  const submit = async () => {
    if (!verification) return;
    const { reason } = await form.validateFields();
    setFormError(undefined);
    review.mutate(
      { id: verification.id, review: { decision: 'reject', reason: reason.trim() } },
      {
        onSuccess: (updated) => {
          form.resetFields();
          onRejected(updated);
        },
        onError: (error) => {
          form.setFields(fieldErrorsFor(error, ['reason']));
          setFormError(errorMessage(error, t('common.requestFailed')));
        },
      },
    );
  };

  return (
    <Modal
      open={verification !== undefined}
      title={t('admin.reject.title')}
      okText={t('admin.reject.confirm')}
      okButtonProps={{ danger: true, loading: review.isPending }}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={() => {
        setFormError(undefined);
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
    >
      {verification && (
        <p>
          {t('admin.reject.intro', { organization: verification.organizationName, name: verification.legalName })}
        </p>
      )}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('admin.reject.reason')}
          extra={t('admin.reject.reasonHelp')}
          rules={[
            { required: true, whitespace: true, message: t('admin.reject.reasonRequired') },
            { min: 2, max: 200, message: t('admin.reject.reasonLength') },
          ]}
        >
          <Input.TextArea rows={4} maxLength={200} showCount placeholder={t('admin.reject.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
