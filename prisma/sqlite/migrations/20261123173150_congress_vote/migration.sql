-- CreateTable
CREATE TABLE "CongressRoster" (
    "caseId" TEXT NOT NULL PRIMARY KEY,
    "body" TEXT NOT NULL,
    "totalSeats" INTEGER NOT NULL,
    "staffCount" INTEGER,
    "womenStaffCount" INTEGER,
    "updatedBy" TEXT,
    "createdAt" TEXT NOT NULL,
    "updatedAt" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "CongressRepresentative" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    CONSTRAINT "CongressRepresentative_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "CongressRoster" ("caseId") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CongressSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "updatedAt" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "CongressCredential" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "representativeId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "present" BOOLEAN NOT NULL,
    "presentVia" TEXT,
    "usedVia" TEXT,
    CONSTRAINT "CongressCredential_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CongressSession" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CongressCredential_representativeId_fkey" FOREIGN KEY ("representativeId") REFERENCES "CongressRepresentative" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CongressBallotCount" (
    "sessionId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "choice" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("sessionId", "itemId", "choice"),
    CONSTRAINT "CongressBallotCount_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CongressSession" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CongressReceipt" (
    "sessionId" TEXT NOT NULL,
    "receiptHash" TEXT NOT NULL,

    PRIMARY KEY ("sessionId", "receiptHash"),
    CONSTRAINT "CongressReceipt_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CongressSession" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CongressPaperTally" (
    "sessionId" TEXT NOT NULL PRIMARY KEY,
    "ballotsCollected" INTEGER NOT NULL,
    "counts" TEXT NOT NULL,
    "enteredBy" TEXT NOT NULL,
    "enteredAt" TEXT NOT NULL,
    "confirmedBy" TEXT,
    "confirmedAt" TEXT,
    CONSTRAINT "CongressPaperTally_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CongressSession" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
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
