-- CreateTable
CREATE TABLE "CongressBallotCountMac" (
    "sessionId" TEXT NOT NULL,
    "mac" TEXT NOT NULL,

    CONSTRAINT "CongressBallotCountMac_pkey" PRIMARY KEY ("sessionId")
);

-- AddForeignKey
ALTER TABLE "CongressBallotCountMac" ADD CONSTRAINT "CongressBallotCountMac_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CongressSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
