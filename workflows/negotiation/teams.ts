/**
 * Negotiating teams: the national rules (JHR 19-24, 33(5); GZ 9-12) plus the jurisdiction's local bounds, as pure
 * functions returning violations with the field path of the offending value in the event payload.
 */
import type { TRulePack, TFraction } from '../rules/jurisdictions/types.js'
import type { TViolation } from '../rules/violations.js'
import type { TNegotiator, TRecorder, TSide, TWorkforce } from './events.js'

export type TTeamRuleContext = {
  pack: TRulePack
  workerSide: 'union' | 'electedRepresentatives'
  workforce?: TWorkforce
}

const SIDE_ZH: Record<TSide, string> = { worker: '职工方', employer: '企业方' }
const SIDE_EN: Record<TSide, string> = { worker: 'worker side', employer: 'employer side' }

function violation(code: string, article: string, field: string | undefined, zh: string, en: string): TViolation {
  return { code, article, ...(field !== undefined ? { field } : {}), message: { zh, en } }
}

/** count/total ≥ share, exactly. */
function reachesShare(count: number, total: number, share: TFraction): boolean {
  return count * share.denominator >= total * share.numerator
}

/** The smallest count with count/total ≥ share. */
function minimumFor(total: number, share: TFraction): number {
  return Math.ceil((total * share.numerator) / share.denominator)
}

const fraction = (f: TFraction) => `${f.numerator}/${f.denominator}`

const WORKER_CHIEF_BASES_WITH_UNION = ['unionChair', 'unionPrincipalOfficer', 'delegatedByUnionChair'] as const
const EMPLOYER_CHIEF_BASES = ['legalRepresentative', 'authorisedManager'] as const

/**
 * One side's team on its own (size, chief, externals, local quotas) and against the other side's team, if given
 * (nobody on both sides, relative sizes). `field` is the payload path of the member list, e.g. 'members'.
 */
export function validateTeam(
  side: TSide,
  members: readonly TNegotiator[],
  ctx: TTeamRuleContext,
  options: { otherTeam?: readonly TNegotiator[]; field?: string } = {},
): TViolation[] {
  const field = options.field ?? 'members'
  const { team } = ctx.pack
  const out: TViolation[] = []
  const sz = SIDE_ZH[side]
  const se = SIDE_EN[side]
  const size = members.length

  // Duplicate ids inside one list.
  const seen = new Map<string, number>()
  members.forEach((m, i) => {
    const first = seen.get(m.id)
    if (first !== undefined) {
      out.push(
        violation(
          'TEAM_DUPLICATE_MEMBER',
          'JHR 19',
          `${field}.${i}.id`,
          `${sz}协商代表 ${m.id} 重复列出（第${first + 1}位和第${i + 1}位）。`,
          `${se}: negotiator ${m.id} is listed twice (positions ${first + 1} and ${i + 1}).`,
        ),
      )
    } else seen.set(m.id, i)
  })

  // Size: national minimum, local maximum, large-firm minimum.
  if (size < team.minPerSide.value) {
    out.push(
      violation(
        'TEAM_TOO_SMALL',
        team.minPerSide.article,
        field,
        `${sz}协商代表${size}人，少于${team.minPerSide.article}规定的每方至少${team.minPerSide.value}人。`,
        `The ${se} has ${size} negotiators; ${team.minPerSide.article} requires at least ${team.minPerSide.value} per side.`,
      ),
    )
  }
  if (team.largeFirm && ctx.workforce?.aboveDesignatedSize === true && size < team.largeFirm.minPerSide) {
    out.push(
      violation(
        'TEAM_TOO_SMALL_FOR_LARGE_FIRM',
        team.largeFirm.article,
        field,
        `规模以上企业每方协商代表不得少于${team.largeFirm.minPerSide}人（${team.largeFirm.article}），${sz}只有${size}人。`,
        `An enterprise above designated size needs at least ${team.largeFirm.minPerSide} negotiators per side (${team.largeFirm.article}); the ${se} has ${size}.`,
      ),
    )
  }
  if (team.maxPerSide.value !== null && size > team.maxPerSide.value) {
    out.push(
      violation(
        'TEAM_TOO_LARGE',
        team.maxPerSide.article,
        field,
        `${sz}协商代表${size}人，超过${team.maxPerSide.article}规定的每方最多${team.maxPerSide.value}人。`,
        `The ${se} has ${size} negotiators; ${team.maxPerSide.article} allows at most ${team.maxPerSide.value} per side.`,
      ),
    )
  }

  // One chief per side (JHR 19), never an outsider (JHR 23), with the right basis (JHR 20, 21).
  const chiefs = members.map((m, i) => ({ m, i })).filter(({ m }) => m.isChief)
  if (chiefs.length === 0) {
    out.push(
      violation(
        'TEAM_CHIEF_MISSING',
        'JHR 19',
        field,
        `${sz}未确定首席代表：每方应确定一名首席代表（集体合同规定第十九条）。`,
        `The ${se} has no chief negotiator: each side has exactly one (JHR 19).`,
      ),
    )
  }
  for (const { m, i } of chiefs.slice(1)) {
    out.push(
      violation(
        'TEAM_MULTIPLE_CHIEFS',
        'JHR 19',
        `${field}.${i}.isChief`,
        `${sz}只能有一名首席代表（集体合同规定第十九条），${m.name}是多出的一名。`,
        `The ${se} may have only one chief negotiator; ${m.name} is an additional one.`,
      ),
    )
  }
  for (const { m, i } of chiefs) {
    if (m.isExternal) {
      out.push(
        violation(
          'CHIEF_IS_EXTERNAL',
          'JHR 23; GZ 12',
          `${field}.${i}.isExternal`,
          `首席代表不得由本单位以外人员担任或代理（集体合同规定第二十三条），${m.name}为外聘人员。`,
          `A chief negotiator may never be an outsider, even as proxy (JHR 23; GZ 12); ${m.name} is external.`,
        ),
      )
    }
    if (side === 'worker') {
      const allowed: readonly string[] =
        ctx.workerSide === 'union' ? WORKER_CHIEF_BASES_WITH_UNION : ['electedByRepresentatives']
      if (!m.chiefBasis || !allowed.includes(m.chiefBasis)) {
        out.push(
          violation(
            'WORKER_CHIEF_NOT_QUALIFIED',
            ctx.workerSide === 'union' ? 'JHR 20; GZ 10' : 'JHR 20; GZ 9',
            `${field}.${i}.chiefBasis`,
            ctx.workerSide === 'union'
              ? `职工方首席代表应为工会主席（主席空缺时为工会主要负责人），或由工会主席书面委托的代表（集体合同规定第二十条）。`
              : `未建立工会的，职工方首席代表应从协商代表中民主推举产生（集体合同规定第二十条）。`,
            ctx.workerSide === 'union'
              ? `The worker chief must be the union chair (the union's principal officer if the chair is vacant) or a representative the chair delegates in writing (JHR 20).`
              : `Without a union, the worker chief is elected from among the worker representatives (JHR 20).`,
          ),
        )
      } else if (m.chiefBasis === 'delegatedByUnionChair' && !m.writtenAuthority) {
        out.push(
          violation(
            'CHIEF_DELEGATION_NOT_IN_WRITING',
            'JHR 20; GZ 10',
            `${field}.${i}.writtenAuthority`,
            `工会主席委托他人担任首席代表须有书面委托（集体合同规定第二十条）。`,
            `A chief delegated by the union chair needs a written delegation (JHR 20; GZ 10).`,
          ),
        )
      }
    } else {
      if (!m.chiefBasis || !(EMPLOYER_CHIEF_BASES as readonly string[]).includes(m.chiefBasis)) {
        out.push(
          violation(
            'EMPLOYER_CHIEF_NOT_QUALIFIED',
            'JHR 21; GZ 10',
            `${field}.${i}.chiefBasis`,
            `企业方首席代表应为法定代表人或其书面委托的其他管理人员（集体合同规定第二十一条）。`,
            `The employer chief must be the legal representative or a manager authorised in writing (JHR 21; GZ 10).`,
          ),
        )
      } else if (m.chiefBasis === 'authorisedManager' && !m.writtenAuthority) {
        out.push(
          violation(
            'CHIEF_DELEGATION_NOT_IN_WRITING',
            'JHR 21; GZ 10',
            `${field}.${i}.writtenAuthority`,
            `法定代表人委托其他管理人员担任首席代表须有书面委托（集体合同规定第二十一条）。`,
            `A manager acting as employer chief needs the legal representative's written authorisation (JHR 21).`,
          ),
        )
      }
    }
  }

  // External experts: appointed in writing, at most the pack's share (JHR 23: 1/3).
  const externals = members.map((m, i) => ({ m, i })).filter(({ m }) => m.isExternal)
  for (const { m, i } of externals) {
    if (!m.writtenAuthority && !m.isChief) {
      out.push(
        violation(
          'EXTERNAL_NOT_APPOINTED_IN_WRITING',
          'JHR 23; GZ 12',
          `${field}.${i}.writtenAuthority`,
          `本单位以外的专业人员${m.name}须由首席代表书面委托（集体合同规定第二十三条）。`,
          `External expert ${m.name} must be appointed in writing by the chief (JHR 23; GZ 12).`,
        ),
      )
    }
  }
  const share = team.externalMaxShare.value
  if (size > 0 && externals.length * share.denominator > size * share.numerator) {
    const allowed = Math.floor((size * share.numerator) / share.denominator)
    out.push(
      violation(
        'TOO_MANY_EXTERNALS',
        team.externalMaxShare.article,
        `${field}.${externals[externals.length - 1]!.i}.isExternal`,
        `${sz}有${externals.length}名本单位以外的专业人员，超过本方代表的${fraction(share)}（${size}人中最多${allowed}人）。`,
        `The ${se} has ${externals.length} external experts, more than ${fraction(share)} of its ${size} negotiators (at most ${allowed}).`,
      ),
    )
  }

  // Local eligibility rules.
  members.forEach((m, i) => {
    if (side === 'employer' && m.isUnionStaff && !team.unionStaffMayRepresentEmployer.value) {
      out.push(
        violation(
          'UNION_STAFF_ON_EMPLOYER_SIDE',
          team.unionStaffMayRepresentEmployer.article,
          `${field}.${i}.isUnionStaff`,
          `工会工作人员${m.name}不得担任企业方协商代表。`,
          `Union staff (${m.name}) may not represent the employer.`,
        ),
      )
    }
    if (side === 'worker' && m.isEmployerExecutive && !team.executivesMayRepresentWorkers.value) {
      out.push(
        violation(
          'EXECUTIVE_ON_WORKER_SIDE',
          team.executivesMayRepresentWorkers.article,
          `${field}.${i}.isEmployerExecutive`,
          `企业负责人、出资人及其近亲属（${m.name}）不得担任职工方协商代表。`,
          `An enterprise head, investor or close relative (${m.name}) may not represent the workers.`,
        ),
      )
    }
  })

  if (side === 'worker') {
    const fl = team.frontLineMinShare.value
    if (fl && size > 0) {
      const count = members.filter((m) => m.isFrontLine === true).length
      if (!reachesShare(count, size, fl)) {
        out.push(
          violation(
            'FRONT_LINE_SHARE_TOO_LOW',
            team.frontLineMinShare.article,
            field,
            `职工方协商代表中一线职工${count}人，不足${fraction(fl)}（${size}人中至少${minimumFor(size, fl)}人）。`,
            `The worker side has ${count} front-line workers, less than ${fraction(fl)} of ${size} (at least ${minimumFor(size, fl)}).`,
          ),
        )
      }
    }
    const women = team.womenRepresentation
    const staff = ctx.workforce?.staffCount
    const womenStaff = ctx.workforce?.womenStaffCount
    if (
      women.staffShare &&
      staff !== undefined &&
      womenStaff !== undefined &&
      reachesShare(womenStaff, staff, women.staffShare) &&
      size > 0
    ) {
      const count = members.filter((m) => m.gender === 'female').length
      const required =
        women.rule === 'atLeastOneWhenStaffShareReached'
          ? 1
          : women.rule === 'proportionalWhenStaffShareReached'
            ? Math.max(1, Math.floor((size * womenStaff) / staff))
            : 0
      if (count < required) {
        out.push(
          violation(
            'WOMEN_REPRESENTATION_TOO_LOW',
            women.article,
            field,
            `女职工占职工总数${womenStaff}/${staff}，职工方协商代表中应至少有${required}名女职工代表，现有${count}名。`,
            `Women are ${womenStaff} of ${staff} staff, so the worker side needs at least ${required} women negotiators; it has ${count}.`,
          ),
        )
      }
    }
  }

  // Against the other side.
  const other = options.otherTeam
  if (other) {
    const otherIds = new Set(other.map((m) => m.id))
    members.forEach((m, i) => {
      if (otherIds.has(m.id)) {
        out.push(
          violation(
            'NEGOTIATOR_ON_BOTH_SIDES',
            'JHR 24',
            `${field}.${i}.id`,
            `${m.name}已是对方协商代表：双方协商代表不得相互兼任（集体合同规定第二十四条）。`,
            `${m.name} already represents the other side: nobody may represent both sides (JHR 24).`,
          ),
        )
      }
    })
    const workerSize = side === 'worker' ? size : other.length
    const employerSize = side === 'employer' ? size : other.length
    const balance = team.sideBalance
    if (balance.value === 'equal' && workerSize !== employerSize) {
      out.push(
        violation(
          'TEAM_SIZES_UNEQUAL',
          balance.article,
          field,
          `双方协商代表人数应当对等：职工方${workerSize}人，企业方${employerSize}人。`,
          `Both sides must have equal numbers (${balance.article}): worker side ${workerSize}, employer side ${employerSize}.`,
        ),
      )
    }
    if (balance.value === 'employerNotMoreThanWorker' && employerSize > workerSize) {
      out.push(
        violation(
          'EMPLOYER_SIDE_LARGER',
          balance.article,
          field,
          `企业方协商代表（${employerSize}人）不得多于职工方（${workerSize}人）。`,
          `The employer side (${employerSize}) may not outnumber the worker side (${workerSize}) (${balance.article}).`,
        ),
      )
    }
  }
  return out
}

/** JHR 33(5): the recorder is jointly appointed and is not a negotiator of either side. */
export function validateRecorder(
  recorder: TRecorder,
  teams: { worker?: readonly TNegotiator[]; employer?: readonly TNegotiator[] },
  field = 'recorder.id',
): TViolation[] {
  const all = [...(teams.worker ?? []), ...(teams.employer ?? [])]
  const clash = all.find((m) => m.id === recorder.id)
  return clash
    ? [
        violation(
          'RECORDER_IS_NEGOTIATOR',
          'JHR 33(5)',
          field,
          `记录员应为非协商代表（集体合同规定第三十三条第五项），${clash.name}是协商代表。`,
          `The recorder must not be a negotiator (JHR 33(5)); ${clash.name} is one.`,
        ),
      ]
    : []
}

/** Both teams and the recorder together, with paths 'worker.members.N…', 'employer.members.N…', 'recorder.id'. */
export function validateTeams(
  teams: { worker: readonly TNegotiator[]; employer: readonly TNegotiator[]; recorder?: TRecorder },
  ctx: TTeamRuleContext,
): TViolation[] {
  const worker = validateTeam('worker', teams.worker, ctx, { otherTeam: teams.employer, field: 'worker.members' })
  // The cross-side checks are symmetric: report them once, from the worker side.
  const employer = validateTeam('employer', teams.employer, ctx, { field: 'employer.members' })
  const recorder = teams.recorder ? validateRecorder(teams.recorder, teams, 'recorder.id') : []
  return [...worker, ...employer, ...recorder]
}

/** The chief of a team, if exactly one is named. */
export function chiefOf(members: readonly TNegotiator[] | undefined): TNegotiator | undefined {
  const chiefs = (members ?? []).filter((m) => m.isChief)
  return chiefs.length === 1 ? chiefs[0] : undefined
}
