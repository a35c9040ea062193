import { Button, Selector, Swiper } from 'antd-mobile';
import { EnvironmentOutline, PictureOutline, RightOutline, ShopbagOutline } from 'antd-mobile-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Origin, ProductView } from '../../../../contracts/catalog';
import { categoryNames } from '../../../../contracts/catalog-names';
import { CertificateBadge, CertificateBadges, sortKinds } from '../../../components/certificate-badges';
import { MobilePage } from '../../../components/mobile/mobile-page';
import { MobileEmpty, MobileError, MobileLoading } from '../../../components/mobile/page-states';
import { useLanguage } from '../../../i18n';
import { isApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { formatFen, formatFenRange } from '../../../lib/money';
import { useProduct } from '../api/get-product';
import { useProductLots } from '../api/list-product-lots';
import { searchPath } from './search-path';
import './shop.css';

function Gallery({ product }: { product: ProductView }) {
  const { t } = useTranslation();
  if (product.images.length === 0) {
    return (
      <div className="tt-gallery tt-gallery-empty" role="img" aria-label={t('shop.product.noImage')}>
        <PictureOutline />
      </div>
    );
  }
  return (
    <div className="tt-gallery">
      <Swiper
        loop={product.images.length > 1}
        indicator={(total, current) => (
          <span className="tt-gallery-indicator" aria-hidden="true">
            {current + 1}/{total}
          </span>
        )}
      >
        {product.images.map((image, index) => (
          <Swiper.Item key={image.id}>
            <img className="tt-gallery-image" src={image.url} alt={t('shop.product.imageAlt', { title: product.title, n: index + 1, total: product.images.length })} />
          </Swiper.Item>
        ))}
      </Swiper>
    </div>
  );
}

function originLine(origin: Origin): string {
  return [origin.province, origin.city === origin.province ? '' : origin.city, origin.county, origin.township ?? '', origin.village].filter(Boolean).join(' ');
}

function OriginSection({ product }: { product: ProductView }) {
  const { t } = useTranslation();
  const { origin } = product;
  const hasCoords = origin.latitude !== undefined && origin.longitude !== undefined;
  return (
    <section className="tt-section tt-section-body tt-origin-section" aria-labelledby="tt-product-origin">
      <h2 className="tt-product-h2" id="tt-product-origin">
        <EnvironmentOutline aria-hidden="true" /> {t('shop.product.origin')}
      </h2>
      <p className="tt-origin-village">{origin.village}</p>
      <p className="tt-origin-line">{originLine(origin)}</p>
      {hasCoords && (
        <p className="tt-muted tt-origin-coords">
          {t('shop.product.coordinates', { lat: origin.latitude!.toFixed(4), lon: origin.longitude!.toFixed(4) })}
        </p>
      )}
    </section>
  );
}

function Facts({ product }: { product: ProductView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <section className="tt-section tt-section-body" aria-labelledby="tt-product-facts">
      <h2 className="tt-product-h2" id="tt-product-facts">
        {t('shop.product.facts')}
      </h2>
      <dl className="tt-kv tt-product-kv">
        <dt>{t('shop.product.category')}</dt>
        <dd>{categoryNames[product.category][language === 'en' ? 'en' : 'zh']}</dd>
        <dt>{t('shop.product.shelfLife')}</dt>
        <dd>{t('shop.product.shelfLifeDays', { n: product.shelfLifeDays })}</dd>
        {product.storage && (
          <>
            <dt>{t('shop.product.storage')}</dt>
            <dd>{product.storage}</dd>
          </>
        )}
        <dt>{t('shop.product.weight')}</dt>
        <dd>{t('shop.product.weightGrams', { n: product.weightGrams })}</dd>
      </dl>
      {product.perishable && (
        <p className="tt-perishable-note" role="note">
          {t('shop.product.perishableNote')}
        </p>
      )}
    </section>
  );
}

function Certificates({ product }: { product: ProductView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (product.certificates.length === 0) return null;
  const order = sortKinds(product.certificates.map((c) => c.kind));
  const certificates = [...product.certificates].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  return (
    <section className="tt-section tt-section-body" aria-labelledby="tt-product-certs">
      <h2 className="tt-product-h2" id="tt-product-certs">
        {t('shop.product.certificates')}
      </h2>
      <ul className="tt-cert-list">
        {certificates.map((c) => (
          <li key={c.id} className="tt-cert-item">
            <CertificateBadge kind={c.kind} />
            <div className="tt-cert-text">
              <strong>{t(`shop.certificateKinds.${c.kind}.name`)}</strong>
              <span className="tt-muted">{t('shop.product.certificateNumber', { number: c.number })}</span>
              <span className="tt-muted">{c.issuer}</span>
              <span className="tt-muted">{t('shop.product.validUntil', { date: formatDate(`${c.validUntil}T00:00:00+08:00`, language) })}</span>
            </div>
          </li>
        ))}
      </ul>
      <p className="tt-muted tt-cert-foot">{t('shop.product.certificatesHint')}</p>
    </section>
  );
}

function TraceLots({ productId }: { productId: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const lots = useProductLots(productId);
  let body;
  if (lots.isPending) body = <p className="tt-muted">{t('common.loading')}</p>;
  else if (lots.isError)
    body = (
      <p className="tt-muted">
        {t('shop.product.traceFailed')}{' '}
        <button type="button" className="tt-link-button" onClick={() => void lots.refetch()}>
          {t('common.retry')}
        </button>
      </p>
    );
  else if (lots.data.length === 0) body = <p className="tt-muted">{t('shop.product.traceEmpty')}</p>;
  else
    body = (
      <ul className="tt-lot-list">
        {lots.data.map((lot) => (
          <li key={lot.code}>
            {/* The trace page is rendered by the server (it must work in any QR scanner), not by this app. */}
            <a className="tt-lot-link" href={`/trace/${encodeURIComponent(lot.code)}`}>
              <span className="tt-lot-code">{lot.code}</span>
              <span className="tt-muted">{t('shop.product.harvested', { date: formatDate(`${lot.harvestDate}T00:00:00+08:00`, language) })}</span>
              <RightOutline aria-hidden="true" className="tt-lot-arrow" />
            </a>
          </li>
        ))}
      </ul>
    );
  return (
    <section className="tt-section tt-section-body" aria-labelledby="tt-product-trace">
      <h2 className="tt-product-h2" id="tt-product-trace">
        {t('shop.product.trace')}
      </h2>
      <p className="tt-muted tt-trace-hint">{t('shop.product.traceHint')}</p>
      {body}
    </section>
  );
}

function ProductDetail({ product }: { product: ProductView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const firstInStock = product.skus.find((s) => s.stock > 0) ?? product.skus[0];
  const [skuId, setSkuId] = useState(firstInStock?.id);
  const sku = product.skus.find((s) => s.id === skuId);

  return (
    <>
      <Gallery product={product} />
      <section className="tt-section tt-section-body tt-product-summary">
        <div className="tt-product-price-row">
          <span className="tt-shop-price tt-product-price">{sku ? formatFen(sku.priceFen) : formatFenRange(product.skus.map((s) => s.priceFen))}</span>
          <span className="tt-muted">{t('shop.sold', { n: product.salesCount })}</span>
        </div>
        <h1 className="tt-product-title">{product.title}</h1>
        <CertificateBadges kinds={product.certificates.map((c) => c.kind)} />
        <p className="tt-muted tt-product-origin-short">
          <EnvironmentOutline aria-hidden="true" /> {product.origin.county}·{product.origin.village}
        </p>
      </section>

      <section className="tt-section tt-section-body" aria-labelledby="tt-product-skus">
        <h2 className="tt-product-h2" id="tt-product-skus">
          {t('shop.product.skus')}
        </h2>
        <Selector
          columns={2}
          value={skuId ? [skuId] : []}
          onChange={(value) => value[0] && setSkuId(value[0])}
          options={product.skus.map((s) => ({
            value: s.id,
            label: s.name,
            description: s.stock > 0 ? `${formatFen(s.priceFen)} · ${t('shop.product.stock', { n: s.stock })}` : t('shop.product.soldOut'),
            disabled: s.stock <= 0,
          }))}
        />
      </section>

      <OriginSection product={product} />
      <Facts product={product} />
      <Certificates product={product} />
      <TraceLots productId={product.id} />

      {product.description && (
        <section className="tt-section tt-section-body" aria-labelledby="tt-product-description">
          <h2 className="tt-product-h2" id="tt-product-description">
            {t('shop.product.description')}
          </h2>
          <p className="tt-product-description">{product.description}</p>
        </section>
      )}

      <section className="tt-section tt-section-body tt-shop-row">
        <span className="tt-shop-avatar" aria-hidden="true">
          <ShopbagOutline />
        </span>
        <div className="tt-shop-row-text">
          <span className="tt-muted">{t('shop.product.shop')}</span>
          <strong>{product.sellerName}</strong>
        </div>
        <Button size="small" fill="outline" color="primary" onClick={() => void navigate(searchPath({ q: product.sellerName }))}>
          {t('shop.product.moreFromShop')}
        </Button>
      </section>

      <div className="tt-buy-bar">
        <p className="tt-buy-note" id="tt-buy-note">
          {t('shop.product.orderingSoon')}
        </p>
        <div className="tt-buy-buttons">
          <Button block disabled aria-describedby="tt-buy-note" className="tt-buy-cart">
            {t('shop.product.addToCart')}
          </Button>
          <Button block disabled color="primary" aria-describedby="tt-buy-note">
            {t('shop.product.buyNow')}
          </Button>
        </div>
      </div>
    </>
  );
}

/** /products/:id: what a buyer reads before buying, down to the village and the harvest lot. */
export function ProductPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const product = useProduct(id);

  let body;
  if (product.isPending) body = <MobileLoading rows={8} />;
  else if (product.isError) {
    const missing = isApiError(product.error) && (product.error.status === 404 || product.error.status === 400);
    body = missing ? (
      <section className="tt-section">
        <MobileEmpty title={t('shop.product.notFound')} description={t('shop.product.notFoundHint')}>
          <Button color="primary" fill="outline" onClick={() => void navigate('/')}>
            {t('common.backHome')}
          </Button>
        </MobileEmpty>
      </section>
    ) : (
      <MobileError error={product.error} onRetry={() => void product.refetch()} />
    );
  } else body = <ProductDetail key={product.data.id} product={product.data} />;

  return (
    <MobilePage title={t('shop.product.title')} backTo="/">
      {body}
    </MobilePage>
  );
}
