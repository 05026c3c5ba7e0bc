-- CreateTable
CREATE TABLE "CongressRoster" (
    "caseId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "totalSeats" INTEGER NOT NULL,
    "staffCount" INTEGER,
    "womenStaffCount" INTEGER,
    "updatedBy" TEXT,
    "createdAt" TEXT NOT NULL,
    "updatedAt" TEXT NOT NULL,

    CONSTRAINT "CongressRoster_pkey" PRIMARY KEY ("caseId")
);

-- CreateTable
CREATE TABLE "CongressRepresentative" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "isFrontLine" BOOLEAN NOT NULL,
    "isManager" BOOLEAN NOT NULL,
    "isWoman" BOOLEAN NOT NULL,
    "active" BOOLEAN NOT NULL,
    "createdAt" TEXT NOT NULL,
    "updatedAt" TEXT NOT NULL,

    CONSTRAINT "CongressRepresentative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CongressSession" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "totalSeats" INTEGER NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "heldOn" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "online" BOOLEAN NOT NULL,
    "opensAt" TEXT NOT NULL,
    "closesAt" TEXT NOT NULL,
    "documentSha256" TEXT NOT NULL,
    "draftVersion" INTEGER,
    "items" TEXT NOT NULL,
    "scrutineers" TEXT NOT NULL,
    "tellers" TEXT NOT NULL,
    "presiding" TEXT,
    "reminderAt" TEXT,
    "remindedAt" TEXT,
    "convenedBy" TEXT,
    "closedAt" TEXT,
    "closedBy" TEXT,
    "closeReason" TEXT,
    "cancelReason" TEXT,
    "result" TEXT,
    "certifiedAt" TEXT,
    "certifiedSeq" INTEGER,
    "certifyError" TEXT,
    "createdAt" TEXT NOT NULL,
    "updatedAt" TEXT NOT NULL,

    CONSTRAINT "CongressSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CongressCredential" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "representativeId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "present" BOOLEAN NOT NULL,
    "presentVia" TEXT,
    "usedVia" TEXT,

    CONSTRAINT "CongressCredential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CongressBallotCount" (
    "sessionId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "choice" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "CongressBallotCount_pkey" PRIMARY KEY ("sessionId","itemId","choice")
);

-- CreateTable
CREATE TABLE "CongressReceipt" (
    "sessionId" TEXT NOT NULL,
    "receiptHash" TEXT NOT NULL,

    CONSTRAINT "CongressReceipt_pkey" PRIMARY KEY ("sessionId","receiptHash")
);

-- CreateTable
CREATE TABLE "CongressPaperTally" (
    "sessionId" TEXT NOT NULL,
    "ballotsCollected" INTEGER NOT NULL,
    "counts" TEXT NOT NULL,
    "enteredBy" TEXT NOT NULL,
    "enteredAt" TEXT NOT NULL,
    "confirmedBy" TEXT,
    "confirmedAt" TEXT,

    CONSTRAINT "CongressPaperTally_pkey" PRIMARY KEY ("sessionId")
);

-- CreateIndex
CREATE INDEX "CongressRepresentative_caseId_idx" ON "CongressRepresentative"("caseId");

-- CreateIndex
CREATE INDEX "CongressSession_caseId_idx" ON "CongressSession"("caseId");

-- CreateIndex
CREATE INDEX "CongressSession_status_closesAt_idx" ON "CongressSession"("status", "closesAt");

-- CreateIndex
CREATE UNIQUE INDEX "CongressCredential_tokenHash_key" ON "CongressCredential"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "CongressCredential_sessionId_representativeId_key" ON "CongressCredential"("sessionId", "representativeId");

-- AddForeignKey
ALTER TABLE "CongressRepresentative" ADD CONSTRAINT "CongressRepresentative_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "CongressRoster"("caseId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CongressCredential" ADD CONSTRAINT "CongressCredential_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CongressSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CongressCredential" ADD CONSTRAINT "CongressCredential_representativeId_fkey" FOREIGN KEY ("representativeId") REFERENCES "CongressRepresentative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CongressBallotCount" ADD CONSTRAINT "CongressBallotCount_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CongressSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CongressReceipt" ADD CONSTRAINT "CongressReceipt_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CongressSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CongressPaperTally" ADD CONSTRAINT "CongressPaperTally_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CongressSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
