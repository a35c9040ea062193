import { CheckCircleOutlined, CopyOutlined, LoadingOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Input, Row, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ClaimViolationView } from '../../../../contracts/compliance';
import { ClaimMarkedText, claimKindColor } from '../../../components/claim-marked-text';
import { ConsoleEmpty } from '../../../components/console/page-states';
import { useLanguage } from '../../../i18n';
import { useClaimCheck } from '../../../lib/claims/check-claims';
import { errorMessage } from '../../../lib/form-errors';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { copyText } from './copy-text';

const MAX_LENGTH = 5000;
const DEBOUNCE_MS = 400;

/** Seller console → 违禁词自查: paste a title, description or live script and see what the law forbids. */
export function ClaimCheckPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const debounced = useDebouncedValue(text, DEBOUNCE_MS);
  const check = useClaimCheck(debounced);
  const itemRefs = useRef<Array<HTMLLIElement | null>>([]);

  const local = (value: { zh: string; en: string }) => (language === 'en' ? value.en : value.zh);
  const hasText = text.trim().length > 0;
  const checked = hasText ? check.data : undefined;
  const waiting = hasText && (text !== debounced || check.isFetching);
  const stale = checked !== undefined && checked.text !== text;
  const violations = checked?.result.violations ?? [];
  const rewrite = checked?.result.rewrite ?? '';
  // Rules without a replacement leave their span as it is: the seller must reword it.
  const needsManualWording = violations.some((v) => v.replacement === undefined);

  const copyRewrite = async () => {
    if (await copyText(rewrite)) void message.success(t('claimCheck.copied'));
    else void message.error(t('claimCheck.copyFailed'));
  };

  const focusItem = (index: number) => {
    const item = itemRefs.current[index];
    item?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
    item?.focus();
  };

  const violationItem = (v: ClaimViolationView, index: number) => (
    <li
      key={`${v.start}-${v.end}`}
      ref={(el) => {
        itemRefs.current[index] = el;
      }}
      tabIndex={-1}
      style={{ padding: '12px 0', borderTop: index === 0 ? undefined : '1px solid #f0f0f0', outline: 'none' }}
    >
      <Space size={[8, 4]} wrap style={{ marginBottom: 4 }}>
        <Typography.Text type="secondary">{index + 1}.</Typography.Text>
        <Typography.Text strong>“{v.text}”</Typography.Text>
        <Tag color={claimKindColor[v.kind]}>{t(`claimCheck.kinds.${v.kind}`)}</Tag>
      </Space>
      <Typography.Paragraph style={{ margin: '0 0 4px' }}>{local(v.reason)}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('claimCheck.suggestion')}
        {local(v.suggestion)}
      </Typography.Paragraph>
      {v.kind === 'certified' && v.certificateKind && (
        <Typography.Paragraph style={{ margin: '4px 0 0' }}>
          {t('claimCheck.needsCertificate', { kind: t(`certificates.kinds.${v.certificateKind}.label`) })}{' '}
          <Link to="/seller/certificates">{t('claimCheck.goCertificates')}</Link>
        </Typography.Paragraph>
      )}
    </li>
  );

  let results;
  if (!hasText) {
    results = <ConsoleEmpty title={t('claimCheck.emptyTitle')} description={t('claimCheck.emptyHint')} />;
  } else if (check.isError && !checked) {
    results = (
      <Alert
        type="error"
        showIcon
        title={t('claimCheck.failed')}
        description={errorMessage(check.error, t('common.requestFailed'))}
        action={
          <Button size="small" onClick={() => void check.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  } else if (!checked) {
    results = (
      <Typography.Text type="secondary">
        <LoadingOutlined /> {t('claimCheck.checking')}
      </Typography.Text>
    );
  } else {
    results = (
      <Space orientation="vertical" size={16} style={{ width: '100%', opacity: stale ? 0.6 : 1, transition: 'opacity .2s' }}>
        {check.isError && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(check.error, t('common.requestFailed'))}
            action={
              <Button size="small" onClick={() => void check.refetch()}>
                {t('common.retry')}
              </Button>
            }
          />
        )}
        {violations.length === 0 ? (
          <Alert type="success" showIcon icon={<CheckCircleOutlined />} title={t('claimCheck.clean')} description={t('claimCheck.cleanHint')} />
        ) : (
          <Alert type="warning" showIcon title={t('claimCheck.found', { n: violations.length })} description={t('claimCheck.foundHint')} />
        )}
        {violations.length > 0 && (
          <>
            <section aria-labelledby="claim-check-marked">
              <Typography.Title level={5} id="claim-check-marked">
                {t('claimCheck.markedTitle')}
              </Typography.Title>
              <ClaimMarkedText
                className="tt-pre-wrap"
                style={{ background: '#fafaf7', border: '1px solid #eee', borderRadius: 8, padding: 12, lineHeight: 1.9, wordBreak: 'break-word' }}
                text={checked.text}
                violations={violations}
                describe={(v) => local(v.reason)}
                onSelect={focusItem}
              />
            </section>
            <section aria-labelledby="claim-check-list">
              <Typography.Title level={5} id="claim-check-list">
                {t('claimCheck.listTitle')}
              </Typography.Title>
              <ol style={{ listStyle: 'none', padding: 0, margin: 0 }}>{violations.map(violationItem)}</ol>
            </section>
            <section aria-labelledby="claim-check-rewrite">
              <Typography.Title level={5} id="claim-check-rewrite">
                {t('claimCheck.rewriteTitle')}
              </Typography.Title>
              {needsManualWording && (
                <Typography.Paragraph type="secondary">{t('claimCheck.rewriteManual')}</Typography.Paragraph>
              )}
              <div
                className="tt-pre-wrap"
                style={{ background: '#f3f8f1', border: '1px solid #c9e0cd', borderRadius: 8, padding: 12, lineHeight: 1.8, wordBreak: 'break-word' }}
              >
                {rewrite || <Typography.Text type="secondary">{t('claimCheck.rewriteEmpty')}</Typography.Text>}
              </div>
              <Space wrap style={{ marginTop: 8 }}>
                <Button icon={<CopyOutlined />} onClick={() => void copyRewrite()} disabled={!rewrite}>
                  {t('claimCheck.copy')}
                </Button>
                <Button icon={<SwapOutlined />} onClick={() => setText(rewrite)} disabled={stale || rewrite === checked.text}>
                  {t('claimCheck.useRewrite')}
                </Button>
              </Space>
            </section>
          </>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('claimCheck.ruleVersion', { version: checked.result.ruleSetVersion })}
        </Typography.Text>
      </Space>
    );
  }

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={11}>
        <Card title={t('claimCheck.title')}>
          <Typography.Paragraph type="secondary">{t('claimCheck.intro')}</Typography.Paragraph>
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 6, maxRows: 18 }}
            maxLength={MAX_LENGTH}
            showCount
            placeholder={t('claimCheck.placeholder')}
            aria-label={t('claimCheck.inputLabel')}
          />
          <Space wrap style={{ marginTop: 28 }}>
            <Button onClick={() => setText(t('claimCheck.sample'))}>{t('claimCheck.trySample')}</Button>
            <Button onClick={() => setText('')} disabled={!text}>
              {t('claimCheck.clear')}
            </Button>
            {/* On a phone the result is below the fold; this line says at once whether to scroll down. */}
            <span aria-live="polite">
              {waiting ? (
                <Typography.Text type="secondary">
                  <LoadingOutlined /> {t('claimCheck.checking')}
                </Typography.Text>
              ) : checked && !stale ? (
                violations.length === 0 ? (
                  <Typography.Text type="success">{t('claimCheck.clean')}</Typography.Text>
                ) : (
                  <Typography.Text type="warning">{t('claimCheck.found', { n: violations.length })}</Typography.Text>
                )
              ) : null}
            </span>
          </Space>
        </Card>
      </Col>
      <Col xs={24} xl={13}>
        <Card title={t('claimCheck.resultTitle')}>{results}</Card>
      </Col>
    </Row>
  );
}
