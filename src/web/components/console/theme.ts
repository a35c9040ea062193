import type { ThemeConfig } from 'antd';

export const teaGreen = '#3b8a4c';

export const consoleTheme: ThemeConfig = {
  token: {
    colorPrimary: teaGreen,
    colorSuccess: '#4f9d3a',
    colorWarning: '#d98e2b',
    colorError: '#cf4a3c',
    colorInfo: teaGreen,
    colorLink: '#2f7a40',
    colorBgLayout: '#f5f4ec',
    // Derived status backgrounds come out greyish from these muted seeds; spell them out.
    colorSuccessBg: '#eef7ea',
    colorSuccessBorder: '#c5e2b6',
    colorInfoBg: '#eef5ef',
    colorInfoBorder: '#c9e0cd',
    colorWarningBg: '#fdf5e8',
    colorWarningBorder: '#f1d6a8',
    borderRadius: 8,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Segoe UI', Roboto, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerPadding: '0 16px', headerHeight: 56 },
    Menu: { itemSelectedBg: '#e8f3e6', itemSelectedColor: '#2f7a40' },
  },
};
