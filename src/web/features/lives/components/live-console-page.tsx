import { ArrowLeftOutlined, EditOutlined, ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ConsoleError, ConsoleLoading } from '../../../components/console/page-states';
import { useSellerLive } from '../api/get-seller-live';
import { LiveStatusTag } from './live-status-tag';
import { liveEditorPath, livesPath, viewerPath } from './paths';
import { RoomConsole } from './room-console';
import '../../../components/console/console-editor.css';
import './lives.css';

/** /seller/lives/:id/console: the room of a live on air or coming up, as its anchor runs it. */
export function LiveConsolePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams();
  const live = useSellerLive(id);

  if (live.isPending) return <ConsoleLoading />;
  if (live.isError) return <ConsoleError error={live.error} onRetry={() => void live.refetch()} />;
  const l = live.data;
  const open = l.status === 'live' || l.status === 'scheduled';

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div className="tt-editor-head">
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => void navigate(livesPath)}>
          {t('lives.editor.back')}
        </Button>
        <Typography.Title level={2} className="tt-editor-title">
          {l.title}
        </Typography.Title>
        <LiveStatusTag status={l.status} />
        <Space size={0} wrap>
          {l.status === 'scheduled' && (
            <Button type="link" icon={<EditOutlined />} onClick={() => void navigate(liveEditorPath(l.id))}>
              {t('lives.actions.edit')}
            </Button>
          )}
          {l.status !== 'cancelled' && (
            <Button type="link" icon={<ExportOutlined />} href={viewerPath(l.id)} target="_blank" rel="noopener">
              {t('lives.actions.view')}
            </Button>
          )}
        </Space>
      </div>
      {open ? (
        <>
          {l.status === 'scheduled' && <Alert type="info" showIcon title={t('lives.console.scheduledHint')} />}
          <RoomConsole live={l} />
        </>
      ) : (
        <Alert type="info" showIcon title={t('lives.console.closed', { status: t(`lives.status.${l.status}`) })} />
      )}
    </Space>
  );
}
