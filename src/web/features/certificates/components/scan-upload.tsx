import { DeleteOutlined, InboxOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Space, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileView } from '../../../../contracts/files';
import { errorMessage } from '../../../lib/form-errors';
import { documentAccept, uploadFile } from '../../../lib/upload-file';
import { ScanPreview } from './scan-preview';

type UploadState =
  | { phase: 'idle' }
  | { phase: 'uploading'; name: string; percent: number }
  | { phase: 'done'; name: string; file: FileView }
  | { phase: 'failed'; name: string; message: string };

interface ScanUploadProps {
  /** The uploaded file's id, as the form submits it. */
  value?: string;
  onChange?: (fileId: string | undefined) => void;
  onUploadingChange?: (uploading: boolean) => void;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Form control for a certificate scan: picks a photo or PDF, uploads it at once, shows what was stored. */
export function ScanUpload({ value, onChange, onUploadingChange }: ScanUploadProps) {
  const { t } = useTranslation();
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);

  // Leaving the form mid-upload should not keep the connection busy.
  useEffect(() => () => controller.current?.abort(), []);

  const start = (file: File) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ phase: 'uploading', name: file.name, percent: 0 });
    onUploadingChange?.(true);
    uploadFile('certificate_scan', file, {
      signal: abort.signal,
      onProgress: (percent) => setState((s) => (s.phase === 'uploading' ? { ...s, percent } : s)),
    })
      .then((stored) => {
        setState({ phase: 'done', name: file.name, file: stored });
        onChange?.(stored.id);
      })
      .catch((error: unknown) => {
        if (error instanceof DOMException && error.name === 'AbortError') {
          setState({ phase: 'idle' });
          return;
        }
        setState({ phase: 'failed', name: file.name, message: errorMessage(error, t('common.requestFailed')) });
        onChange?.(undefined);
      })
      .finally(() => {
        if (controller.current === abort) controller.current = null;
        onUploadingChange?.(false);
      });
  };

  const picker = (compact: boolean) => (
    <Upload
      accept={documentAccept}
      multiple={false}
      showUploadList={false}
      fileList={[]}
      beforeUpload={(file) => {
        start(file);
        // The upload is ours (XHR with our error handling), not antd's.
        return false;
      }}
    >
      <Button icon={<SwapOutlined />} size={compact ? 'small' : 'middle'}>
        {t('certificates.scan.replace')}
      </Button>
    </Upload>
  );

  if (state.phase === 'uploading') {
    return (
      <div aria-live="polite" style={{ border: '1px dashed #d9d9d9', borderRadius: 8, padding: 12 }}>
        <Typography.Text ellipsis style={{ display: 'block' }}>
          {t('certificates.scan.uploading', { name: state.name })}
        </Typography.Text>
        <Space style={{ width: '100%' }} align="center">
          <Progress percent={state.percent} size="small" style={{ width: 200, maxWidth: '100%', margin: 0 }} />
          <Button size="small" onClick={() => controller.current?.abort()}>
            {t('common.cancel')}
          </Button>
        </Space>
      </div>
    );
  }

  if (value) {
    // Just uploaded here, or carried over from a certificate being submitted again.
    const uploaded = state.phase === 'done' && state.file.id === value ? state : undefined;
    return (
      <Space align="start" size={12} wrap>
        <ScanPreview fileId={value} size={96} contentType={uploaded?.file.contentType} />
        <Space orientation="vertical" size={4}>
          {uploaded && (
            <>
              <Typography.Text ellipsis style={{ maxWidth: 200 }}>
                {uploaded.name}
              </Typography.Text>
              <Typography.Text type="secondary">{formatBytes(uploaded.file.bytes)}</Typography.Text>
            </>
          )}
          <Space size={8} wrap>
            {picker(true)}
            <Button
              size="small"
              icon={<DeleteOutlined />}
              onClick={() => {
                setState({ phase: 'idle' });
                onChange?.(undefined);
              }}
            >
              {t('certificates.scan.remove')}
            </Button>
          </Space>
        </Space>
      </Space>
    );
  }

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {state.phase === 'failed' && (
        <Alert type="error" showIcon title={t('certificates.scan.failed', { name: state.name })} description={state.message} />
      )}
      <Upload.Dragger
        accept={documentAccept}
        multiple={false}
        showUploadList={false}
        fileList={[]}
        beforeUpload={(file) => {
          start(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon" style={{ marginBottom: 8 }}>
          <InboxOutlined />
        </p>
        <p className="ant-upload-text" style={{ fontSize: 14 }}>
          {t('certificates.scan.pick')}
        </p>
        <p className="ant-upload-hint" style={{ fontSize: 12, padding: '0 8px' }}>
          {t('certificates.scan.hint')}
        </p>
      </Upload.Dragger>
    </Space>
  );
}
