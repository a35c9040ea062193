import type { ClaimRuleSet, LocalizedText } from './claim-rules';

const ABUSE: LocalizedText = { zh: '辱骂他人', en: 'Abuse of another person' };
const MASKED: LocalizedText = { zh: '已用星号遮住', en: 'Masked with asterisks' };

/**
 * Insults masked in room chat. Written as claim rules so the same folding catches the usual
 * evasions (spaces, full-width letters, traditional characters) without a second matcher.
 */
export const abuseRuleSet: ClaimRuleSet = {
  version: 1,
  rules: [
    {
      id: 'abuse.insult',
      kind: 'absolute',
      terms: [
        '傻逼', '傻b', '煞笔', '沙比', '傻叉', '脑残', '智障', '白痴', '贱人', '婊子', '王八蛋', '狗日的',
        '操你妈', '草你妈', '艹你妈', '操你', '你妈的', '他妈的', '尼玛', '去死', '滚你',
        '死全家', '狗东西', '废物主播',
        'fuck', 'fucking', 'motherfucker', 'shit', 'bitch', 'asshole', 'bastard', 'retard', 'cunt',
      ],
      reason: ABUSE,
      suggestion: MASKED,
    },
  ],
};
