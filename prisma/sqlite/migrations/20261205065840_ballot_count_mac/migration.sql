-- CreateTable
CREATE TABLE "CongressBallotCountMac" (
    "sessionId" TEXT NOT NULL PRIMARY KEY,
    "mac" TEXT NOT NULL,
    CONSTRAINT "CongressBallotCountMac_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CongressSession" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
