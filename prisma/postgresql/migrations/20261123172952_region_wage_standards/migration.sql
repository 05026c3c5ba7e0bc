-- CreateTable
CREATE TABLE "RegionWageStandard" (
    "id" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "tier" TEXT NOT NULL DEFAULT '',
    "value" INTEGER NOT NULL,
    "effectiveFrom" TEXT NOT NULL,
    "effectiveTo" TEXT,
    "sourceTitle" TEXT NOT NULL,
    "sourceNumber" TEXT,
    "sourceIssuer" TEXT NOT NULL,
    "sourceUrl" TEXT,
    "sourcePublishedOn" TEXT,
    "note" TEXT,
    "loadedBy" TEXT,
    "loadedAt" TEXT NOT NULL,

    CONSTRAINT "RegionWageStandard_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RegionWageStandard_regionCode_kind_effectiveFrom_idx" ON "RegionWageStandard"("regionCode", "kind", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "RegionWageStandard_regionCode_kind_tier_effectiveFrom_key" ON "RegionWageStandard"("regionCode", "kind", "tier", "effectiveFrom");
