import type { ConceptDef } from './concept-data.js';

/**
 * Platform engineering: what a team's own casebook is often about (builds and CI, secrets, logs
 * and traces, source control) rather than the seed's four cases. The seed never mentions most of
 * them, so they match nothing there; in a team's casebook they let a question in one language
 * find a case written in the other ("流水线要跑二十分钟" → an English CI case). Same editing
 * rules as `concept-data.ts`; reachability is checked against the shipped casebook and the team
 * casebook fixture (`test/fixtures/casebook-own`).
 */
export const PLATFORM_CONCEPTS: readonly ConceptDef[] = [
  {
    id: 'ci-build',
    parents: ['operations'],
    en: 'ci | continuous integration | builds | build time | build times | slow build | slow builds | build cache | build caches | remote cache | build pipeline | build pipelines | ci pipeline | ci pipelines | ci minutes | ci bill | compile | compiling | compilation | compile time | rebuild | rebuilt | rebuilds | pull request | pull requests | merge request | merge requests | artifact | artifacts | bazel | gradle | maven | jenkins | github actions | gitlab ci',
    zh: '持续集成 | 流水线 | 构建慢 | 构建太慢 | 构建很慢 | 构建时间 | 构建耗时 | 构建缓存 | 构建流水线 | 编译 | 编译慢 | 编译太慢 | 重新编译 | 重新构建 | 全量构建 | 增量构建 | 打包 | 打包慢 | 出包 | 合并请求 | 制品 | 制品库',
  },
  {
    id: 'secrets',
    parents: ['security'],
    en: 'secret | secrets | database password | database passwords | db password | db passwords | service password | service passwords | passwords in config | credential | credentials | api key | api keys | access key | access keys | private key | private keys | token rotation | key rotation | rotate | rotated | rotation | rotating | vault | hardcoded password | hard-coded password | plaintext password | leaked password | leaked key | leaked keys',
    zh: '数据库密码 | 服务密码 | 密钥 | 秘钥 | 凭证 | 凭据 | 口令 | 访问密钥 | 私钥 | 轮换 | 密钥轮换 | 密码轮换 | 定期更换 | 明文密码 | 硬编码密码 | 写死的密码 | 密码泄露 | 密钥泄露',
  },
  {
    id: 'observability',
    parents: ['operations'],
    en: 'logs | logging | log pipeline | log search | tracing | traces | trace | distributed tracing | trace context | span | spans | opentelemetry | otel | jaeger | zipkin | apm | grafana | dashboards for | which service is slow | where the time goes | nobody could reproduce | cannot reproduce | can’t reproduce | hard to reproduce',
    zh: '日志 | 日志分散 | 查日志 | 日志平台 | 链路追踪 | 全链路追踪 | 调用链 | 追踪 | 可观测 | 可观测性 | 卡在哪 | 慢在哪 | 哪个服务慢 | 复现不了 | 无法复现 | 重现不了',
  },
  {
    id: 'source-control',
    parents: ['operations'],
    en: 'repository | repositories | repo | repos | git | source code | config repo | config repository | monorepo',
    zh: '代码仓库 | 代码库 | git仓库 | 提交到 | 提交进 | 源代码 | 源码 | 配置仓库 | 单仓',
  },
];
