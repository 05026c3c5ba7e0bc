/**
 * Composition checks of a congress roster: pure, returned as warnings with their articles, never refusals (the
 * roster is the enterprise's fact; the law's consequence is for people to judge).
 *
 * The jurisdiction rule packs (workflows/rules/jurisdictions) do not carry the congress composition rules yet, so
 * they are kept here as data, each citing statute.md §(b):
 *   - senior and middle managers at most 20% of the representatives: Shanghai 职代会条例 16; Zhejiang 企业民主管理条例 10 [V];
 *   - congress size by workforce: Shanghai 职代会条例 21; Zhejiang 企业民主管理条例 10 [V] ("plus N for every further
 *     100": only whole hundreds are counted, a reading);
 *   - the all-staff assembly instead of a congress below 100 staff: Shanghai 职代会条例 4; Zhejiang 企业民主管理条例 7 [V].
 * Hangzhou and Ningbo are in Zhejiang, so the provincial 民主管理条例 applies there too.
 * Women's share of the representatives compared with their share of the staff is guidance only: no verified text
 * gives a number for the congress (statute.md gives numbers only for negotiators), so it is flagged `unverified`.
 */
import type { TBody, TCompositionWarning } from './types.js'

type TSizeRule = { article: string; minSeats: (staff: number) => number }

type TCompositionRules = {
  managersMaxFifths?: { article: string }
  size?: TSizeRule
  assemblyBelowStaff?: { staff: number; article: string }
}

const shanghai: TCompositionRules = {
  managersMaxFifths: { article: 'Shanghai 职代会条例 16' },
  size: {
    article: 'Shanghai 职代会条例 21',
    minSeats: (staff) => (staff < 100 ? 30 : staff <= 3_000 ? 30 + 5 * Math.floor((staff - 100) / 100) : 175),
  },
  assemblyBelowStaff: { staff: 100, article: 'Shanghai 职代会条例 4' },
}

const zhejiang: TCompositionRules = {
  managersMaxFifths: { article: 'Zhejiang 企业民主管理条例 10' },
  size: {
    article: 'Zhejiang 企业民主管理条例 10',
    minSeats: (staff) =>
      staff < 100
        ? 30
        : staff < 1_000
          ? 40 + 7 * Math.floor((staff - 100) / 100)
          : staff < 5_000
            ? 100 + 20 * Math.floor((staff - 1_000) / 1_000)
            : 200,
  },
  assemblyBelowStaff: { staff: 100, article: 'Zhejiang 企业民主管理条例 7' },
}

export const compositionRules: Readonly<Record<string, TCompositionRules>> = {
  shanghai,
  zhejiang,
  hangzhou: zhejiang,
  ningbo: zhejiang,
}

export type TRosterFacts = {
  jurisdiction: string
  body: TBody
  totalSeats: number
  staffCount?: number | null
  womenStaffCount?: number | null
  active: { isManager: boolean; isWoman: boolean; isFrontLine: boolean }[]
}

export function compositionSummary(facts: TRosterFacts) {
  const active = facts.active.length
  return {
    active,
    vacantSeats: Math.max(0, facts.totalSeats - active),
    managers: facts.active.filter((r) => r.isManager).length,
    women: facts.active.filter((r) => r.isWoman).length,
    frontLine: facts.active.filter((r) => r.isFrontLine).length,
  }
}

export function compositionWarnings(facts: TRosterFacts): TCompositionWarning[] {
  const rules = Object.hasOwn(compositionRules, facts.jurisdiction) ? compositionRules[facts.jurisdiction]! : {}
  const s = compositionSummary(facts)
  const out: TCompositionWarning[] = []
  const staff = facts.staffCount ?? null

  if (s.vacantSeats > 0) {
    out.push({
      code: 'VACANT_SEATS',
      article: 'JHR 36',
      field: 'totalSeats',
      message: {
        zh: `共${facts.totalSeats}席，名单上只有${s.active}人：空缺的${s.vacantSeats}席仍计入法定人数和通过票数的基数（集体合同规定第三十六条）。`,
        en: `${facts.totalSeats} seats but ${s.active} on the roster: the ${s.vacantSeats} vacant seats still count in the quorum and threshold base (JHR 36).`,
      },
    })
  }

  if (facts.body === 'workersCongress') {
    if (rules.managersMaxFifths && s.managers * 5 > s.active) {
      const a = rules.managersMaxFifths.article
      out.push({
        code: 'TOO_MANY_MANAGERS',
        article: a,
        field: 'representatives',
        message: {
          zh: `中层以上管理人员${s.managers}人，占职工代表${s.active}人的比例超过百分之二十（${a}）。`,
          en: `${s.managers} managers among ${s.active} representatives is more than 20% (${a}).`,
        },
      })
    }
    if (rules.size && staff !== null) {
      const min = rules.size.minSeats(staff)
      if (facts.totalSeats < min) {
        out.push({
          code: 'TOO_FEW_SEATS',
          article: rules.size.article,
          field: 'totalSeats',
          message: {
            zh: `职工${staff}人的企业，职工代表名额不少于${min}名（${rules.size.article}），现为${facts.totalSeats}名。`,
            en: `With ${staff} staff the congress needs at least ${min} seats (${rules.size.article}); it has ${facts.totalSeats}.`,
          },
        })
      }
    }
  } else {
    if (staff !== null && facts.totalSeats !== staff) {
      out.push({
        code: 'ASSEMBLY_SEATS_NOT_STAFF',
        article: 'JHR 36',
        field: 'totalSeats',
        message: {
          zh: `职工大会以全体职工为基数：职工${staff}人，名额填写为${facts.totalSeats}。`,
          en: `An all-staff assembly counts all workers: ${staff} staff, but ${facts.totalSeats} seats were given.`,
        },
      })
    }
    if (rules.assemblyBelowStaff && staff !== null && staff >= rules.assemblyBelowStaff.staff) {
      const a = rules.assemblyBelowStaff.article
      out.push({
        code: 'ASSEMBLY_NOT_ALLOWED_FOR_SIZE',
        article: a,
        field: 'body',
        message: {
          zh: `职工${staff}人，不少于${rules.assemblyBelowStaff.staff}人的企业应召开职工代表大会而非职工大会（${a}）。`,
          en: `With ${staff} staff (at least ${rules.assemblyBelowStaff.staff}) a workers' congress, not an all-staff assembly, is held (${a}).`,
        },
      })
    }
  }

  const womenStaff = facts.womenStaffCount ?? null
  if (facts.body === 'workersCongress' && staff !== null && womenStaff !== null && s.active > 0) {
    // women / active < womenStaff / staff, in integers
    if (s.women * staff < womenStaff * s.active) {
      out.push({
        code: 'WOMEN_UNDERREPRESENTED',
        article: 'QMG',
        field: 'representatives',
        unverified: true,
        message: {
          zh: `女职工代表${s.women}人（占${pct(s.women, s.active)}），低于女职工占职工总数的比例（${pct(womenStaff, staff)}）。职工代表中女职工应有适当比例；具体比例未经核实，仅供参考。`,
          en: `${s.women} women representatives (${pct(s.women, s.active)}) is below the women's share of the staff (${pct(womenStaff, staff)}). Guidance only: no verified text sets the share for the congress.`,
        },
      })
    }
  }
  return out
}

const pct = (n: number, d: number) => `${((n / d) * 100).toFixed(1)}%`
