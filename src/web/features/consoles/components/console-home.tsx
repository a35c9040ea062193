import { DashboardOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Row } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsoleLayout, type ConsoleMenuItem } from '../../../components/console/console-layout';
import { ConsoleEmpty } from '../../../components/console/page-states';

export interface ConsoleSection {
  key: string;
  icon: ReactNode;
  label: string;
  emptyTitle: string;
  emptyText: string;
}

interface ConsoleHomeProps {
  role: 'coop' | 'mcn' | 'regulator';
  welcome: string;
  sections: ConsoleSection[];
}

/** A console whose sections arrive in later releases: each shows what will appear there. */
export function ConsoleHome({ role, welcome, sections }: ConsoleHomeProps) {
  const { t } = useTranslation();
  const items: ConsoleMenuItem[] = [
    { key: 'overview', icon: <DashboardOutlined />, label: t('consoles.overview') },
    ...sections.map((s) => ({ key: s.key, icon: s.icon, label: s.label, comingSoon: true })),
  ];
  return (
    <ConsoleLayout role={role} items={items} selectedKey="overview">
      <Alert type="info" showIcon title={welcome} style={{ marginBottom: 16 }} />
      <Row gutter={[16, 16]}>
        {sections.map((section) => (
          <Col xs={24} md={12} xl={8} key={section.key}>
            <Card
              title={
                <span>
                  {section.icon} {section.label}
                </span>
              }
            >
              <ConsoleEmpty title={section.emptyTitle} description={section.emptyText} />
            </Card>
          </Col>
        ))}
      </Row>
    </ConsoleLayout>
  );
}
