import { CloseOutlined, FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileView } from '../../../../contracts/files';
import { errorMessage } from '../../../lib/form-errors';
import { fileUrl, isImageType, uploadFile } from '../../../lib/upload-file';

interface FileListUploadProps {
  purpose: 'lot_photo' | 'inspection_report';
  accept: string;
  max: number;
  /** The uploaded files' ids, as the form submits them. */
  value?: string[];
  onChange?: (ids: string[]) => void;
  onUploadingChange?: (uploading: boolean) => void;
}

type Known = Pick<FileView, 'contentType'> & { name: string };

/**
 * Several photos or reports for one entry: each file is uploaded as soon as it is picked, one
 * after another (a village uplink does better with one upload at a time), and shown as a tile.
 */
export function FileListUpload({ purpose, accept, max, value = [], onChange, onUploadingChange }: FileListUploadProps) {
  const { t } = useTranslation();
  const [known, setKnown] = useState<Record<string, Known>>({});
  const [current, setCurrent] = useState<{ name: string; percent: number } | null>(null);
  const [failure, setFailure] = useState<string>();
  const latest = useRef(value);
  latest.current = value;
  const queue = useRef(Promise.resolve());
  const pending = useRef(0);
  const controller = useRef<AbortController | null>(null);

  // Leaving the form mid-upload should not keep the connection busy.
  useEffect(() => () => controller.current?.abort(), []);

  const enqueue = (file: File) => {
    pending.current += 1;
    onUploadingChange?.(true);
    queue.current = queue.current.then(async () => {
      if (latest.current.length >= max) return;
      const abort = new AbortController();
      controller.current = abort;
      setCurrent({ name: file.name, percent: 0 });
      try {
        const stored = await uploadFile(purpose, file, {
          signal: abort.signal,
          onProgress: (percent) => setCurrent({ name: file.name, percent }),
        });
        setKnown((k) => ({ ...k, [stored.id]: { name: file.name, contentType: stored.contentType } }));
        const next = [...latest.current, stored.id];
        latest.current = next;
        onChange?.(next);
      } catch (error) {
        if (!(error instanceof DOMException && error.name === 'AbortError')) {
          setFailure(t('lots.upload.failed', { name: file.name, message: errorMessage(error, t('common.requestFailed')) }));
        }
      } finally {
        setCurrent(null);
        pending.current -= 1;
        if (pending.current === 0) onUploadingChange?.(false);
      }
    });
  };

  const remove = (id: string) => {
    const next = latest.current.filter((v) => v !== id);
    latest.current = next;
    onChange?.(next);
  };

  return (
    <div>
      {failure && <Alert type="error" showIcon closable title={failure} onClose={() => setFailure(undefined)} style={{ marginBottom: 8 }} />}
      <div className="tt-lot-files">
        {value.map((id) => {
          const info = known[id];
          const isImage = info ? isImageType(info.contentType) : purpose === 'lot_photo';
          return (
            <div className="tt-lot-file" key={id}>
              {isImage ? (
                <img src={fileUrl(id)} alt={info?.name ?? ''} />
              ) : (
                <>
                  <FilePdfOutlined style={{ fontSize: 24, color: '#c0392b' }} aria-label={t('lots.upload.pdf')} />
                  <span className="tt-lot-file-name">{info?.name ?? 'PDF'}</span>
                </>
              )}
              <Button
                className="tt-lot-file-remove"
                size="small"
                type="text"
                shape="circle"
                icon={<CloseOutlined />}
                aria-label={t('lots.upload.remove')}
                onClick={() => remove(id)}
              />
            </div>
          );
        })}
        {current && (
          <div className="tt-lot-file" aria-live="polite" title={t('lots.upload.uploading', { name: current.name })}>
            <Progress type="circle" size={40} percent={current.percent} />
          </div>
        )}
        {value.length < max && (
          <Upload
            accept={accept}
            multiple
            showUploadList={false}
            fileList={[]}
            beforeUpload={(file) => {
              enqueue(file);
              // The upload is ours (XHR with our error handling), not antd's.
              return false;
            }}
          >
            <button type="button" className="tt-lot-file-add">
              <PlusOutlined />
              {t('lots.upload.add')}
            </button>
          </Upload>
        )}
      </div>
    </div>
  );
}
