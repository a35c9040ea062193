import { Type, type Static } from 'typebox';

/**
 * The closed list of machine-readable error codes. Server and web share it so that a
 * code is never invented on one side only; each has a message in both languages.
 */
export const errorMessages = {
  VALIDATION_FAILED: { zh: '请求内容不符合要求', en: 'The request is invalid' },
  MALFORMED_JSON: { zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  PAYLOAD_TOO_LARGE: { zh: '请求体过大', en: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { zh: '不支持的内容类型', en: 'Unsupported content type' },
  NOT_FOUND: { zh: '找不到该资源', en: 'Not found' },
  METHOD_NOT_ALLOWED: { zh: '不支持该请求方法', en: 'Method not allowed' },
  UNAUTHENTICATED: { zh: '请先登录', en: 'Please log in first' },
  FORBIDDEN: { zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  NOT_OWNER: { zh: '只能操作属于自己的数据', en: 'This does not belong to you' },
  CSRF_REJECTED: { zh: '跨站请求已被拒绝', en: 'Cross-site request refused' },
  RATE_LIMITED: { zh: '操作过于频繁，请稍后再试', en: 'Too many requests, please try again later' },
  INTERNAL: { zh: '服务器开小差了，请稍后再试', en: 'Something went wrong on our side, please try again' },
  PHONE_TAKEN: { zh: '该手机号已注册', en: 'This mobile number is already registered' },
  INVALID_CREDENTIALS: { zh: '手机号或密码错误', en: 'Wrong mobile number or password' },
  LOGIN_RATE_LIMITED: {
    zh: '登录尝试过多，请 {retryAfterSeconds} 秒后再试',
    en: 'Too many login attempts, try again in {retryAfterSeconds} seconds',
  },
  DEMO_ACCOUNT_DISABLED: {
    zh: '演示账号仅在演示模式下可用',
    en: 'Demo accounts only work in demo mode',
  },
  WEAK_PASSWORD: {
    zh: '密码至少 8 位，且需同时包含字母和数字',
    en: 'The password needs at least 8 characters with both letters and digits',
  },
  INVALID_ID_NUMBER: { zh: '身份证号码无效', en: 'The ID card number is invalid' },
  VERIFICATION_PENDING: {
    zh: '已有待审核的实名认证申请',
    en: 'A verification request is already waiting for review',
  },
  ALREADY_VERIFIED: { zh: '已通过该身份认证', en: 'Already verified for this role' },
  VERIFICATION_NOT_PENDING: {
    zh: '该申请已审核，不能重复处理',
    en: 'This request has already been reviewed',
  },
  SELLER_NOT_VERIFIED: {
    zh: '请先完成卖家实名认证，通过审核后才能上架商品',
    en: 'Complete seller verification first; products can be listed once it is approved',
  },
  USER_NOT_FOUND: { zh: '找不到该用户', en: 'User not found' },
  ADDRESS_NOT_FOUND: { zh: '找不到该收货地址', en: 'Address not found' },
  ADDRESS_LIMIT: { zh: '收货地址最多保存 {max} 个', en: 'At most {max} addresses can be saved' },
  COOP_INVITEE_NOT_SELLER: {
    zh: '该手机号未注册，或尚未通过卖家实名认证，不能邀请为社员',
    en: 'This number is not registered or is not a verified seller, so it cannot be invited',
  },
  COOP_CANNOT_INVITE_SELF: { zh: '不能邀请自己加入本合作社', en: 'A co-op cannot invite itself' },
  COOP_ALREADY_INVITED: {
    zh: '已邀请过该卖家，或其已是本社社员',
    en: 'This seller has already been invited or is already a member',
  },
  COOP_INVITATION_NOT_FOUND: { zh: '找不到该合作社的邀请', en: 'No invitation from this co-op was found' },
  COOP_MEMBER_NOT_FOUND: { zh: '找不到该社员或邀请', en: 'No such member or invitation' },
  COOP_ALREADY_MEMBER: {
    zh: '您已是“{coopName}”的社员，一个卖家同时只能加入一个合作社，请先退出',
    en: 'You are already a member of “{coopName}”; a seller can belong to one co-op at a time, so leave it first',
  },
  CERTIFICATE_NOT_FOUND: { zh: '找不到该证书', en: 'Certificate not found' },
  CERTIFICATE_NOT_PENDING: { zh: '该证书已审核，不能重复处理', en: 'This certificate has already been reviewed' },
  INVALID_CERTIFICATE_DATES: { zh: '证书有效期截止日不能早于起始日', en: 'The certificate cannot end before it starts' },
  CLAIM_RULES_CHANGED: {
    zh: '违禁词库刚被他人更新，请刷新后再提交',
    en: 'Someone else just changed the claim rules; reload and try again',
  },
  BANNED_CLAIM: {
    zh: '内容含有违反《广告法》的用语：{claims}',
    en: 'The text contains wording the Advertising Law forbids: {claims}',
  },
  CLAIM_NOT_CERTIFIED: {
    zh: '宣称“{claims}”需要有效且已审核的相应证书',
    en: 'Claiming "{claims}" needs a valid, approved certificate of that kind',
  },
  UPLOAD_MISSING_FILE: { zh: '请选择要上传的文件', en: 'No file was attached' },
  UPLOAD_TOO_LARGE: { zh: '文件过大，最大 {maxMb} MB', en: 'The file is too large; the limit is {maxMb} MB' },
  UPLOAD_TYPE_NOT_ALLOWED: {
    zh: '不能上传该类型的文件（识别为 {found}），此处仅支持 {allowed}',
    en: 'This kind of file cannot be uploaded here (found {found}); allowed: {allowed}',
  },
  UPLOAD_IMAGE_TOO_LARGE: {
    zh: '图片尺寸过大（{width}×{height}），最多 {maxMegapixels} 百万像素',
    en: 'The image is too big ({width}×{height}); at most {maxMegapixels} megapixels',
  },
  UPLOAD_UNREADABLE: { zh: '文件已损坏或无法读取', en: 'The file is damaged or cannot be read' },
  FILE_NOT_FOUND: { zh: '找不到该文件', en: 'File not found' },
  FILE_NOT_USABLE: {
    zh: '文件 {id} 不存在、不属于您，或上传用途不符',
    en: 'File {id} does not exist, is not yours, or was uploaded for another purpose',
  },
  CERTIFICATE_NOT_USABLE: {
    zh: '证书 {id} 不存在或不属于该卖家',
    en: 'Certificate {id} does not exist or belongs to another seller',
  },
  PRODUCT_NOT_FOUND: { zh: '找不到该商品', en: 'Product not found' },
  PRODUCT_REMOVED: {
    zh: '该商品已被平台下架，不能修改或上架',
    en: 'The platform has removed this product; it can no longer be edited or put on sale',
  },
  PRODUCT_STATUS_CONFLICT: {
    zh: '商品当前状态为“{status}”，不能执行此操作',
    en: 'The product is {status}; this action is not possible now',
  },
  PRODUCT_NEEDS_IMAGE: { zh: '上架前请至少上传一张商品图片', en: 'Add at least one product photo before putting it on sale' },
  SKU_NOT_FOUND: { zh: '规格 {id} 不属于该商品', en: 'SKU {id} does not belong to this product' },
  LOT_NOT_FOUND: {
    zh: '找不到该批次，请核对包装上的批次码',
    en: 'No lot has this code; check the code printed on the package',
  },
  LOT_EVENT_NOT_FOUND: { zh: '找不到该批次记录', en: 'This lot entry was not found' },
  LOT_DATE_IN_FUTURE: { zh: '日期不能晚于今天', en: 'The date cannot be in the future' },
  LOT_QUANTITY_PRECISION: { zh: '数量最多保留两位小数', en: 'The quantity can have at most two decimals' },
  LOT_REPORTS_NEED_INSPECTION: {
    zh: '只有“检测”记录可以附检测报告',
    en: 'Only inspection entries can carry inspection reports',
  },
  LIVE_NOT_FOUND: { zh: '找不到该直播', en: 'Live not found' },
  LIVE_STATUS_CONFLICT: {
    zh: '直播当前状态为“{status}”，不能执行此操作',
    en: 'The live is {status}; this action is not possible now',
  },
  LIVE_PRODUCT_NOT_USABLE: {
    zh: '商品 {id} 不是您在售的商品，不能挂到直播间',
    en: 'Product {id} is not one of your products on sale, so it cannot be sold in this live',
  },
  ROOM_NOT_FOUND: { zh: '找不到该直播间', en: 'Room not found' },
  ROOM_BANNED: { zh: '您已被主播禁止进入本直播间', en: 'The anchor has banned you from this room' },
  ROOM_NOT_MODERATOR: {
    zh: '只有主播和房管可以管理直播间',
    en: 'Only the anchor and room moderators can manage this room',
  },
  ROOM_PRODUCT_NOT_IN_LIVE: {
    zh: '只能置顶本场直播挂出的商品',
    en: 'Only a product sold in this live can be pinned',
  },
  ROOM_CANNOT_SANCTION: {
    zh: '不能禁言或拉黑主播和房管',
    en: 'The anchor and room moderators cannot be muted or banned',
  },
  CHAT_MUTED: { zh: '您已被禁言，{until} 后可再发言', en: 'You are muted until {until}' },
  CHAT_TOO_FAST: { zh: '发言太快了，请 {retryAfterSeconds} 秒后再发', en: 'Slow down: wait {retryAfterSeconds} s before the next message' },
  CHAT_EMPTY: { zh: '消息不能为空', en: 'The message is empty' },
  CHAT_TOO_LONG: { zh: '消息最多 {max} 个字', en: 'A message can have at most {max} characters' },
  CHAT_CLAIM_REFUSED: {
    zh: '消息含有违规宣传用语：{claims}',
    en: 'The message contains a forbidden claim: {claims}',
  },
  FLASH_SALE_NOT_FOUND: { zh: '找不到该秒杀', en: 'Flash sale not found' },
  FLASH_SALE_NOT_RUNNING: { zh: '秒杀未开始或已结束', en: 'This flash sale is not running' },
  FLASH_SALE_SOLD_OUT: { zh: '手慢了，已被抢光', en: 'Sold out' },
  FLASH_SALE_LIMIT: { zh: '每人限购 {limit} 件', en: 'At most {limit} per buyer' },
  FLASH_SALE_SKU_NOT_IN_LIVE: {
    zh: '只能为本场直播挂出的商品设置秒杀',
    en: 'A flash sale can only be set up for a product sold in this live',
  },
  FLASH_SALE_NOT_ENOUGH_STOCK: { zh: '库存不足，当前可用 {stock} 件', en: 'Not enough stock: {stock} available' },
  FLASH_SALE_STATUS_CONFLICT: {
    zh: '秒杀当前状态为“{status}”，不能执行此操作',
    en: 'The flash sale is {status}; this action is not possible now',
  },
  ORDER_NOT_FOUND: { zh: '找不到该订单', en: 'Order not found' },
  ORDER_STATUS_CONFLICT: {
    zh: '订单当前状态为“{status}”，不能执行此操作',
    en: 'The order is {status}; this action is not possible now',
  },
  ORDER_NOT_PAYABLE: { zh: '订单 {id} 已支付、已取消或已超时，不能支付', en: 'Order {id} is paid, cancelled or expired and cannot be paid' },
  PRODUCT_OUT_OF_STOCK: { zh: '“{name}”库存不足', en: 'Not enough stock of “{name}”' },
  CART_ITEM_UNAVAILABLE: { zh: '商品规格 {id} 已下架或不存在', en: 'Item {id} is no longer on sale' },
  COUPON_NOT_FOUND: { zh: '找不到该优惠券', en: 'Coupon not found' },
  COUPON_GONE: { zh: '优惠券已领完或不在有效期内', en: 'This coupon is all claimed or not valid now' },
  COUPON_ALREADY_CLAIMED: { zh: '您已领取过该优惠券', en: 'You already have this coupon' },
  COUPON_NOT_USABLE: {
    zh: '优惠券“{title}”不能用于本单：须是您已领取、未使用、在有效期内的券，满 {threshold} 元可用；每个店铺限用一张店铺券，每单限用一张平台券',
    en: 'Coupon “{title}” cannot be used here: it must be yours, unused and valid, on at least ¥{threshold}; one shop coupon per shop and one platform coupon per checkout',
  },
  COUPON_INVALID: { zh: '优惠金额须小于使用门槛，且结束时间晚于开始时间', en: 'The discount must be below the threshold and the coupon must end after it starts' },
  IDEMPOTENCY_KEY_REUSED: {
    zh: '该请求编号已用于另一笔不同的请求',
    en: 'This Idempotency-Key was already used for a different request',
  },
  PAYMENT_NOT_FOUND: { zh: '找不到该支付单', en: 'Payment not found' },
  PAYMENT_ORDERS_ALREADY_PAID: { zh: '订单 {id} 已经支付过了', en: 'Order {id} has already been paid' },
  PAYMENT_IN_PROGRESS: {
    zh: '该订单正在发起另一笔支付，请稍后再试',
    en: 'Another payment for this order is being set up; try again in a moment',
  },
  PAYMENT_PROVIDER_UNAVAILABLE: {
    zh: '支付渠道暂时不可用，请稍后再试',
    en: 'The payment provider cannot be reached right now; please try again shortly',
  },
  PAYMENT_WEBHOOK_SIGNATURE_INVALID: { zh: '支付通知签名无效', en: 'The payment notification signature is invalid' },
  PAYMENT_WEBHOOK_STALE: {
    zh: '支付通知的时间戳已过期或不合理',
    en: 'The payment notification timestamp is too old or in the future',
  },
  PAYMENT_NOT_REFUNDABLE: {
    zh: '支付单当前状态为“{status}”，不能退款',
    en: 'The payment is {status}; only a paid payment can be refunded',
  },
  PAYMENT_REFUND_EXCEEDS: {
    zh: '退款金额超过可退金额（还可退 {refundableFen} 分）',
    en: 'The refund is more than what is left to refund ({refundableFen} fen)',
  },
  PAYMENT_REFUND_ORDER_MISMATCH: {
    zh: '订单 {id} 不在这笔支付中',
    en: 'Order {id} was not paid with this payment',
  },
  WS_BAD_FRAME: {
    zh: '无法识别的消息，请刷新页面',
    en: 'The message could not be understood; reload the page',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ErrorCode = keyof typeof errorMessages;
export type Locale = 'zh-CN' | 'en';

export function formatErrorMessage(
  code: ErrorCode,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  const template = errorMessages[code][locale === 'en' ? 'en' : 'zh'];
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

export const ErrorField = Type.Object({
  path: Type.String({ description: 'JSON pointer of the offending field, e.g. /phone' }),
  message: Type.String(),
});

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      fields: Type.Optional(Type.Array(ErrorField)),
      /** Structured detail for clients that can act on it, e.g. the offending spans of a claim. */
      details: Type.Optional(Type.Unknown()),
      requestId: Type.Optional(Type.String()),
    }),
  },
  { $id: 'ErrorBody' },
);
export type ErrorBody = Static<typeof ErrorBody>;
