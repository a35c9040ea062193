import { Alert, Form, Input, Modal, Space, Tag } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrorsFor } from '../../lib/form-errors';

export interface RejectReasonTexts {
  title: string;
  confirm: string;
  reason: string;
  reasonHelp: string;
  reasonPlaceholder: string;
  reasonRequired: string;
  reasonLength: string;
}

interface RejectReasonModalProps<T, R> {
  /** What is being rejected; the dialog is open while it is set. */
  target: T | undefined;
  intro: (target: T) => ReactNode;
  texts: RejectReasonTexts;
  /** Reasons reviewers give most often, one tap each; already translated. */
  quickReasons?: { label: string; reasons: readonly string[] };
  /** Sends the rejection; a rejected promise carries the server's error. */
  reject: (target: T, reason: string) => Promise<R>;
  rejecting: boolean;
  onClose: () => void;
  onRejected: (result: R) => void;
}

/** Asks an admin why something is rejected; the applicant sees the reason and can submit again. */
export function RejectReasonModal<T, R>({
  target,
  intro,
  texts,
  quickReasons,
  reject,
  rejecting,
  onClose,
  onRejected,
}: RejectReasonModalProps<T, R>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [formError, setFormError] = useState<string>();

  const submit = async () => {
    if (target === undefined) return;
    const { reason } = await form.validateFields();
    setFormError(undefined);
    let result: R;
    try {
      result = await reject(target, reason.trim());
    } catch (error) {
      form.setFields(fieldErrorsFor(error, ['reason']));
      setFormError(errorMessage(error, t('common.requestFailed')));
      return;
    }
    form.resetFields();
    onRejected(result);
  };

  const addReason = (text: string) => {
    const current = (form.getFieldValue('reason') as string | undefined)?.trim() ?? '';
    if (current.includes(text)) return;
    form.setFieldValue('reason', current ? `${current}；${text}` : text);
    void form.validateFields(['reason']).catch(() => undefined);
  };

  return (
    <Modal
      open={target !== undefined}
      title={texts.title}
      okText={texts.confirm}
      okButtonProps={{ danger: true, loading: rejecting }}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={() => {
        setFormError(undefined);
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
    >
      {target !== undefined && <p>{intro(target)}</p>}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} role="alert" />}
      {quickReasons && (
        <Space size={[4, 8]} wrap style={{ marginBottom: 12 }} aria-label={quickReasons.label}>
          {quickReasons.reasons.map((text) => (
            <Tag.CheckableTag key={text} checked={false} onChange={() => addReason(text)}>
              + {text}
            </Tag.CheckableTag>
          ))}
        </Space>
      )}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={texts.reason}
          extra={texts.reasonHelp}
          rules={[
            { required: true, whitespace: true, message: texts.reasonRequired },
            { min: 2, max: 200, message: texts.reasonLength },
          ]}
        >
          <Input.TextArea rows={4} maxLength={200} showCount placeholder={texts.reasonPlaceholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
