import { lazy, type ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { GuestOnly } from './guards/guest-only';
import { RequireAuth } from './guards/require-auth';
import { RequireRole } from './guards/require-role';
import { RouteError } from './route-error';

// Every page is its own chunk, so a buyer never downloads the consoles and an admin never
// downloads the buyer pages.
function page<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const MobileShell = page(() => import('../components/mobile/mobile-shell'), 'MobileShell');
const TabLayout = page(() => import('../components/mobile/tab-layout'), 'TabLayout');
const ConsoleShell = page(() => import('../components/console/console-shell'), 'ConsoleShell');
const NotFoundPage = page(() => import('../components/console/result-pages'), 'NotFoundPage');

const LoginPage = page(() => import('../features/auth/components/login-page'), 'LoginPage');
const RegisterPage = page(() => import('../features/auth/components/register-page'), 'RegisterPage');

// The home page's slots are filled from the shop feature here, at the app level, so neither
// feature imports the other; the three modules load in parallel behind one suspense.
const HomePage = lazy(async () => {
  const [{ HomePage: Home }, { ShopHomeSearch }, { ShopHomeFeed }, { HomeLives }] = await Promise.all([
    import('../features/buyer/components/home-page'),
    import('../features/shop/components/home-search'),
    import('../features/shop/components/home-feed'),
    import('../features/watch/components/home-lives'),
  ]);
  return { default: () => <Home search={<ShopHomeSearch />} lives={<HomeLives />} products={<ShopHomeFeed />} /> };
});
const SearchPage = page(() => import('../features/shop/components/search-page'), 'SearchPage');
const ProductPage = page(() => import('../features/shop/components/product-page'), 'ProductPage');
// The 直播 tab is the buyer page with the watch feature's list in it, joined here like the home page.
const LivePage = lazy(async () => {
  const [{ LivePage: Live }, { LivesFeed }] = await Promise.all([
    import('../features/buyer/components/live-page'),
    import('../features/watch/components/lives-feed'),
  ]);
  return { default: () => <Live lives={<LivesFeed />} /> };
});
const WatchPage = page(() => import('../features/watch/components/watch-page'), 'WatchPage');
const CartPage = page(() => import('../features/buyer/components/cart-page'), 'CartPage');

const OrderListPage = page(() => import('../features/orders/components/order-list-page'), 'OrderListPage');
const OrderDetailPage = page(() => import('../features/orders/components/order-detail-page'), 'OrderDetailPage');
const OrderPayPage = page(() => import('../features/orders/components/order-pay-page'), 'OrderPayPage');

const MePage = page(() => import('../features/account/components/me-page'), 'MePage');
const AddressListPage = page(() => import('../features/account/components/address-list-page'), 'AddressListPage');
const AddressFormPage = page(() => import('../features/account/components/address-form-page'), 'AddressFormPage');
const VerificationPage = page(() => import('../features/account/components/verification-page'), 'VerificationPage');

const SellerConsolePage = page(() => import('../features/seller/components/seller-console-page'), 'SellerConsolePage');
const SellerOverview = page(() => import('../features/seller/components/seller-console-page'), 'SellerOverview');
const CertificatesPage = page(() => import('../features/certificates/components/certificates-page'), 'CertificatesPage');
const ClaimCheckPage = page(() => import('../features/claims/components/claim-check-page'), 'ClaimCheckPage');
const ProductsPage = page(() => import('../features/products/components/products-page'), 'ProductsPage');
const ProductEditorPage = page(() => import('../features/products/components/product-editor-page'), 'ProductEditorPage');
const SellerOrdersPage = page(() => import('../features/orders/components/seller-orders-page'), 'SellerOrdersPage');
const LotsPage = page(() => import('../features/lots/components/lots-page'), 'LotsPage');
const LivesPage = page(() => import('../features/lives/components/lives-page'), 'LivesPage');
const LiveEditorPage = page(() => import('../features/lives/components/live-editor-page'), 'LiveEditorPage');
const LiveConsolePage = page(() => import('../features/lives/components/live-console-page'), 'LiveConsolePage');
const LotDetailPage = page(() => import('../features/lots/components/lot-detail-page'), 'LotDetailPage');
const AdminConsolePage = page(() => import('../features/admin/components/admin-console-page'), 'AdminConsolePage');
const VerificationQueue = page(() => import('../features/admin/components/verification-queue'), 'VerificationQueue');
const CertificateReviewQueue = page(
  () => import('../features/certificates/components/certificate-review-queue'),
  'CertificateReviewQueue',
);
const ClaimRulesPage = page(() => import('../features/claims/components/claim-rules-page'), 'ClaimRulesPage');
const CoopConsolePage = page(() => import('../features/consoles/components/coop-console-page'), 'CoopConsolePage');
const McnConsolePage = page(() => import('../features/consoles/components/mcn-console-page'), 'McnConsolePage');
const RegulatorConsolePage = page(
  () => import('../features/consoles/components/regulator-console-page'),
  'RegulatorConsolePage',
);

function roleConsole(role: 'admin' | 'regulator' | 'coop' | 'mcn', Page: ComponentType): RouteObject {
  return { path: role, element: <RequireRole role={role} />, children: [{ index: true, element: <Page /> }] };
}

export const routes: RouteObject[] = [
  {
    path: '/',
    errorElement: <RouteError />,
    children: [
      {
        element: <MobileShell />,
        children: [
          {
            element: <GuestOnly />,
            children: [
              { path: 'login', element: <LoginPage /> },
              { path: 'register', element: <RegisterPage /> },
            ],
          },
          {
            element: <TabLayout />,
            children: [
              { index: true, element: <HomePage /> },
              { path: 'live', element: <LivePage /> },
              {
                element: <RequireAuth />,
                children: [
                  { path: 'cart', element: <CartPage /> },
                  { path: 'orders', element: <OrderListPage /> },
                  { path: 'me', element: <MePage /> },
                ],
              },
            ],
          },
          { path: 'search', element: <SearchPage /> },
          { path: 'products/:id', element: <ProductPage /> },
          { path: 'lives/:id', element: <WatchPage /> },
          {
            path: 'orders',
            element: <RequireAuth />,
            children: [
              { path: ':id', element: <OrderDetailPage /> },
              { path: ':id/pay', element: <OrderPayPage /> },
            ],
          },
          {
            path: 'me',
            element: <RequireAuth />,
            children: [
              { path: 'addresses', element: <AddressListPage /> },
              { path: 'addresses/new', element: <AddressFormPage /> },
              { path: 'addresses/:id/edit', element: <AddressFormPage /> },
              { path: 'verification', element: <VerificationPage /> },
            ],
          },
        ],
      },
      {
        element: <ConsoleShell />,
        children: [
          // The seller console is open to every logged-in person: it is where they learn how to become a seller.
          {
            path: 'seller',
            element: <RequireAuth />,
            children: [
              {
                // The console page is the layout (menu, role check); each section is its own chunk.
                element: <SellerConsolePage />,
                children: [
                  { index: true, element: <SellerOverview /> },
                  { path: 'certificates', element: <CertificatesPage /> },
                  { path: 'claims', element: <ClaimCheckPage /> },
                  { path: 'products', element: <ProductsPage /> },
                  { path: 'products/new', element: <ProductEditorPage /> },
                  { path: 'products/:id/edit', element: <ProductEditorPage /> },
                  { path: 'lots', element: <LotsPage /> },
                  { path: 'lives', element: <LivesPage /> },
                  { path: 'lives/new', element: <LiveEditorPage /> },
                  { path: 'lives/:id/edit', element: <LiveEditorPage /> },
                  { path: 'lives/:id/console', element: <LiveConsolePage /> },
                  { path: 'orders', element: <SellerOrdersPage /> },
                  { path: 'lots/:lotId', element: <LotDetailPage /> },
                ],
              },
            ],
          },
          roleConsole('coop', CoopConsolePage),
          roleConsole('mcn', McnConsolePage),
          roleConsole('regulator', RegulatorConsolePage),
          {
            path: 'admin',
            element: <RequireRole role="admin" />,
            children: [
              {
                element: <AdminConsolePage />,
                children: [
                  { index: true, element: <VerificationQueue /> },
                  { path: 'certificates', element: <CertificateReviewQueue /> },
                  { path: 'claim-rules', element: <ClaimRulesPage /> },
                ],
              },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
