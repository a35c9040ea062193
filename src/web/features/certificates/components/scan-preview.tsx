import { FileOutlined, FilePdfOutlined, WarningOutlined } from '@ant-design/icons';
import { Image, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fileUrl, isImageType } from '../../../lib/upload-file';
import { useScanType } from '../api/get-scan-type';

interface ScanPreviewProps {
  fileId: string | null;
  /** Thumbnail edge in pixels. */
  size?: number;
  /** Known already (e.g. right after an upload), which saves asking the server. */
  contentType?: string;
}

/** A certificate scan: a thumbnail that opens full size for images, a link for PDFs. */
export function ScanPreview({ fileId, size = 72, contentType }: ScanPreviewProps) {
  const { t } = useTranslation();
  const type = useScanType(contentType ? undefined : fileId);
  if (!fileId) return <Typography.Text type="secondary">{t('certificates.scan.none')}</Typography.Text>;
  const kind = contentType ?? type.data;
  if (!contentType && type.isPending) return <Skeleton.Node active style={{ width: size, height: size }} />;
  const url = fileUrl(fileId);
  if (kind === null || kind === undefined) {
    return (
      <Typography.Text type="warning">
        <WarningOutlined /> {t('certificates.scan.unreadable')}
      </Typography.Text>
    );
  }
  if (isImageType(kind)) {
    return (
      <Image
        src={url}
        width={size}
        height={size}
        alt={t('certificates.scan.alt')}
        style={{ objectFit: 'cover', borderRadius: 6, border: '1px solid #eee' }}
      />
    );
  }
  const isPdf = kind.startsWith('application/pdf');
  return (
    <Typography.Link href={url} target="_blank" rel="noopener" style={{ whiteSpace: 'nowrap' }}>
      {isPdf ? <FilePdfOutlined style={{ fontSize: 20, color: '#cf4a3c' }} /> : <FileOutlined style={{ fontSize: 20 }} />}{' '}
      {t(isPdf ? 'certificates.scan.openPdf' : 'certificates.scan.open')}
    </Typography.Link>
  );
}
