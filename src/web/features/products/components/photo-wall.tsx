import { ArrowLeftOutlined, ArrowRightOutlined, CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Space, Tooltip, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/form-errors';
import { imageAccept, uploadFile } from '../../../lib/upload-file';
import type { PhotoValue } from './product-form-model';

export const maxPhotos = 9;

interface PendingUpload {
  key: string;
  name: string;
  percent: number;
}

interface PhotoWallProps {
  value?: PhotoValue[];
  onChange?: (photos: PhotoValue[]) => void;
  onUploadingChange?: (uploading: boolean) => void;
  disabled?: boolean;
}

/**
 * Product photos as a form control: each picked file uploads at once (purpose `product_image`),
 * the stored ones can be moved and removed, and the first is the cover buyers see in lists.
 */
export function PhotoWall({ value = [], onChange, onUploadingChange, disabled }: PhotoWallProps) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<PendingUpload[]>([]);
  const [failures, setFailures] = useState<string[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  // Uploads finish in any order; appending to the latest list keeps earlier results.
  const latest = useRef(value);
  latest.current = value;
  const seq = useRef(0);

  useEffect(() => {
    const open = controllers.current;
    return () => open.forEach((c) => c.abort());
  }, []);

  useEffect(() => onUploadingChange?.(pending.length > 0), [pending.length, onUploadingChange]);

  const start = (file: File) => {
    const key = `u${++seq.current}`;
    const abort = new AbortController();
    controllers.current.set(key, abort);
    setPending((list) => [...list, { key, name: file.name, percent: 0 }]);
    uploadFile('product_image', file, {
      signal: abort.signal,
      onProgress: (percent) => setPending((list) => list.map((p) => (p.key === key ? { ...p, percent } : p))),
    })
      .then((stored) => {
        const next = [...latest.current, { id: stored.id, url: stored.url }].slice(0, maxPhotos);
        latest.current = next;
        onChange?.(next);
      })
      .catch((error: unknown) => {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        setFailures((list) => [...list, t('products.editor.photos.failed', { name: file.name, message: errorMessage(error, t('common.requestFailed')) })]);
      })
      .finally(() => {
        controllers.current.delete(key);
        setPending((list) => list.filter((p) => p.key !== key));
      });
  };

  const move = (index: number, by: number) => {
    const target = index + by;
    if (target < 0 || target >= value.length) return;
    const next = [...value];
    const [moved] = next.splice(index, 1);
    next.splice(target, 0, moved!);
    onChange?.(next);
  };

  const remove = (index: number) => onChange?.(value.filter((_, i) => i !== index));
  const room = maxPhotos - value.length - pending.length;

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <ul className="tt-photo-wall" aria-label={t('products.editor.sections.photos')}>
        {value.map((photo, index) => (
          <li key={photo.id} className="tt-photo-tile">
            <img src={photo.url} alt={t('products.editor.photos.alt', { n: index + 1 })} />
            {index === 0 && <span className="tt-photo-cover-badge">{t('products.editor.photos.cover')}</span>}
            {!disabled && (
              <div className="tt-photo-tools">
                <Tooltip title={t('products.editor.photos.moveLeft')}>
                  <Button
                    size="small"
                    type="text"
                    icon={<ArrowLeftOutlined />}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                    aria-label={t('products.editor.photos.moveLeftN', { n: index + 1 })}
                  />
                </Tooltip>
                <Tooltip title={t('products.editor.photos.remove')}>
                  <Button
                    size="small"
                    type="text"
                    icon={<CloseOutlined />}
                    onClick={() => remove(index)}
                    aria-label={t('products.editor.photos.removeN', { n: index + 1 })}
                  />
                </Tooltip>
                <Tooltip title={t('products.editor.photos.moveRight')}>
                  <Button
                    size="small"
                    type="text"
                    icon={<ArrowRightOutlined />}
                    disabled={index === value.length - 1}
                    onClick={() => move(index, 1)}
                    aria-label={t('products.editor.photos.moveRightN', { n: index + 1 })}
                  />
                </Tooltip>
              </div>
            )}
          </li>
        ))}
        {pending.map((p) => (
          <li key={p.key} className="tt-photo-tile tt-photo-pending" aria-live="polite">
            <Progress type="circle" percent={p.percent} size={48} />
            <Button size="small" type="link" onClick={() => controllers.current.get(p.key)?.abort()}>
              {t('common.cancel')}
            </Button>
          </li>
        ))}
        {room > 0 && !disabled && (
          <li className="tt-photo-tile tt-photo-add">
            <Upload
              accept={imageAccept}
              multiple
              showUploadList={false}
              fileList={[]}
              beforeUpload={(file, batch) => {
                // antd calls this once per file of a multi-select; only the first `room` go up.
                if (batch.indexOf(file) < room) start(file);
                return false;
              }}
            >
              <button type="button" className="tt-photo-add-button">
                <PlusOutlined />
                <span>{t('products.editor.photos.add')}</span>
                <span className="tt-photo-count">
                  {value.length + pending.length}/{maxPhotos}
                </span>
              </button>
            </Upload>
          </li>
        )}
      </ul>
      {failures.length > 0 && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setFailures([]) }}
          title={failures.length === 1 ? failures[0] : t('products.editor.photos.someFailed', { n: failures.length })}
          description={failures.length > 1 ? failures.map((f) => <div key={f}>{f}</div>) : undefined}
        />
      )}
    </Space>
  );
}
