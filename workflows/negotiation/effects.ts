/**
 * The named side effects of the negotiation machine. The machine emits `{ type: 'emitEffect', params: { effect,
 * data } }`; the engine writes an OutboxMessage and a worker runs it after commit. Two families:
 *   - `notify.*`: a message to the people concerned (mail, in-app), data carries the case facts;
 *   - `document.render`: a document to produce (PDF), `data.kind` names it (one of `negotiationDocumentKinds`).
 * Every effect the machine can emit is listed here; a test checks the machine uses no other name.
 */
export const negotiationDocumentKinds = [
  'requestLetter', // 协商要约书 / 协商意向书 (JHR 32, GZ 17)
  'replyLetter', // 书面答复 (JHR 32)
  'refusalLetter', // 拒绝协商的书面答复 (JHR 32)
  'interventionRequest', // 请求劳动保障行政部门处理 (JHR 56)
  'teamList', // 协商代表名单 (JHR 19-24)
  'minutes', // 会议记录 (JHR 33(5), 34)
  'suspensionRecord', // 中止协商记录 (JHR 35)
  'coordinationApplication', // 协调处理申请书 (JHR 49)
  'coordinationAgreement', // 协调处理协议书 (JHR 53-54)
  'draft', // 合同草案 (JHR 34(4))
  'agreement', // 签字文本 (JHR 37, GZ 20)
  'filingPackage', // 报送材料 (JHR 42, GZ 21)
  'publicationNotice', // 公布文本 (JHR 48, GZ 23)
  'renewalRequest', // 续订要求 (JHR 38, GZ 24)
  'amendmentRequest', // 变更要求 (JHR 39-41)
  'terminationRequest', // 解除要求 (JHR 39-41)
] as const
export type TNegotiationDocumentKind = (typeof negotiationDocumentKinds)[number]

export const negotiationEffects = [
  'document.render',
  'notify.requestSent',
  'notify.requestReceived',
  'notify.requestAnswered',
  'notify.requestRefused',
  'notify.replyOverdue',
  'notify.interventionRequested',
  'notify.caseClosed',
  'notify.teamAppointed',
  'notify.recorderAppointed',
  'notify.vacancyOpened',
  'notify.vacancyFilled',
  'notify.vacancyOverdue',
  'notify.meetingScheduled',
  'notify.informationRequested',
  'notify.informationSupplied',
  'notify.informationOverdue',
  'notify.roundHeld',
  'notify.negotiationSuspended',
  'notify.negotiationResumed',
  'notify.suspensionEnded',
  'notify.negotiationLimitExceeded',
  'notify.coordinationRequested',
  'notify.coordinationAcceptanceOverdue',
  'notify.coordinationAccepted',
  'notify.coordinationExtended',
  'notify.coordinationOverdue',
  'notify.coordinationConcluded',
  'notify.coordinationApplicationLapsed',
  'notify.draftAgreed',
  'notify.congressSubmissionOverdue',
  'notify.congressPassed',
  'notify.congressFailed',
  'notify.agreementSigned',
  'notify.filingOverdue',
  'notify.agreementFiled',
  'notify.filingRegistered',
  'notify.correctionRequested',
  'notify.correctionSupplied',
  'notify.reviewObjected',
  'notify.reviewApproved',
  'notify.agreementEffective',
  'notify.publicationOverdue',
  'notify.agreementPublished',
  'notify.renewalWindowOpened',
  'notify.renewalRequested',
  'notify.agreementExpired',
  'notify.amendmentRequested',
  'notify.terminationRequested',
  'notify.agreementTerminated',
] as const
export type TNegotiationEffect = (typeof negotiationEffects)[number]
