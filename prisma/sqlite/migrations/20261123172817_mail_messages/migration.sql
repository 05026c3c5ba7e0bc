-- CreateTable
CREATE TABLE "MailMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "messageId" TEXT NOT NULL,
    "sourceOutboxId" TEXT NOT NULL,
    "sendOutboxId" TEXT,
    "caseId" TEXT,
    "caseSeq" INTEGER,
    "effect" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "recipientKey" TEXT NOT NULL,
    "recipientRole" TEXT,
    "recipientUserId" TEXT,
    "recipientName" TEXT,
    "toAddress" TEXT,
    "fromAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "attachments" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "errorCode" TEXT,
    "lastError" TEXT,
    "smtpResponse" TEXT,
    "sendPhase" TEXT,
    "possibleDuplicate" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TEXT NOT NULL,
    "updatedAt" TEXT NOT NULL,
    "sentAt" TEXT
);

-- CreateTable
CREATE TABLE "DeadlineReminder" (
    "deadlineId" TEXT NOT NULL,
    "leadDays" INTEGER NOT NULL,
    "caseId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "remindAt" TEXT NOT NULL,
    "outboxId" TEXT,
    "createdAt" TEXT NOT NULL,

    PRIMARY KEY ("deadlineId", "leadDays")
);

-- CreateIndex
CREATE UNIQUE INDEX "MailMessage_messageId_key" ON "MailMessage"("messageId");

-- CreateIndex
CREATE INDEX "MailMessage_caseId_status_idx" ON "MailMessage"("caseId", "status");

-- CreateIndex
CREATE INDEX "MailMessage_status_createdAt_idx" ON "MailMessage"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MailMessage_sourceOutboxId_recipientKey_key" ON "MailMessage"("sourceOutboxId", "recipientKey");

-- CreateIndex
CREATE INDEX "DeadlineReminder_caseId_idx" ON "DeadlineReminder"("caseId");
