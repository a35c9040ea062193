import { DeleteOutlined, PictureOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Progress, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/form-errors';
import { imageAccept, uploadFile } from '../../../lib/upload-file';
import '../../../components/cover-box.css';

export interface CoverValue {
  id: string;
  url: string;
}

interface CoverUploadProps {
  value?: CoverValue | null;
  onChange?: (value: CoverValue | null) => void;
  onUploadingChange?: (uploading: boolean) => void;
}

/** One cover image, uploaded as it is picked so saving the form only sends its id. */
export function CoverUpload({ value, onChange, onUploadingChange }: CoverUploadProps) {
  const { t } = useTranslation();
  const [percent, setPercent] = useState<number>();
  const [failure, setFailure] = useState<string>();
  const controller = useRef<AbortController | undefined>(undefined);

  useEffect(() => () => controller.current?.abort(), []);

  const start = (file: File) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setFailure(undefined);
    setPercent(0);
    onUploadingChange?.(true);
    uploadFile('cover', file, { onProgress: setPercent, signal: abort.signal })
      .then(
        (uploaded) => onChange?.({ id: uploaded.id, url: uploaded.url }),
        (error: unknown) => {
          if (error instanceof DOMException && error.name === 'AbortError') return;
          setFailure(errorMessage(error, t('lives.editor.uploadFailed')));
        },
      )
      .finally(() => {
        if (controller.current === abort) {
          controller.current = undefined;
          setPercent(undefined);
          onUploadingChange?.(false);
        }
      });
  };

  return (
    <div>
      <div className="tt-cover-field">
        <div className="tt-cover-box tt-cover-preview">
          {percent !== undefined ? (
            <Progress type="circle" percent={percent} size={56} />
          ) : value ? (
            <img src={value.url} alt={t('lives.editor.coverAlt')} />
          ) : (
            <PictureOutlined aria-hidden="true" />
          )}
        </div>
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <Upload
            accept={imageAccept}
            showUploadList={false}
            fileList={[]}
            beforeUpload={(file) => {
              start(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} disabled={percent !== undefined}>
              {value ? t('lives.editor.coverReplace') : t('lives.editor.coverUpload')}
            </Button>
          </Upload>
          {percent !== undefined && <Button onClick={() => controller.current?.abort()}>{t('common.cancel')}</Button>}
          {value && percent === undefined && (
            <Button icon={<DeleteOutlined />} onClick={() => onChange?.(null)}>
              {t('lives.editor.coverRemove')}
            </Button>
          )}
        </div>
      </div>
      {failure && (
        <Typography.Text type="danger" role="alert" style={{ display: 'block', marginTop: 4 }}>
          {failure}
        </Typography.Text>
      )}
    </div>
  );
}
