-- CreateEnum
CREATE TYPE "DocumentState" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "ImportState" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "state" "DocumentState" NOT NULL DEFAULT 'PUBLISHED';

-- CreateTable
CREATE TABLE "ClaimCandidate" (
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "sectionId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "startOffset" INTEGER NOT NULL,
    "endOffset" INTEGER NOT NULL,
    "kind" "ClaimKind" NOT NULL,
    "citationMissing" BOOLEAN NOT NULL DEFAULT false,
    "asOfDate" DATE,
    "asOfPrecision" "DatePrecision",
    "sectorIds" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "entities" JSONB NOT NULL DEFAULT '[]',
    "mentions" JSONB NOT NULL DEFAULT '[]',
    "sources" JSONB NOT NULL DEFAULT '[]',
    "quantities" JSONB NOT NULL DEFAULT '[]',
    "references" JSONB NOT NULL DEFAULT '[]',
    "claimId" INTEGER,

    CONSTRAINT "ClaimCandidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposedEntity" (
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "EntityKind" NOT NULL,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "parentEntityId" INTEGER,
    "parentProposalId" INTEGER,
    "siblings" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "ProposedEntity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposedEntityMention" (
    "id" SERIAL NOT NULL,
    "proposedEntityId" INTEGER NOT NULL,
    "startOffset" INTEGER NOT NULL,
    "endOffset" INTEGER NOT NULL,
    "surface" TEXT NOT NULL,

    CONSTRAINT "ProposedEntityMention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SkippedSentence" (
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "startOffset" INTEGER NOT NULL,
    "endOffset" INTEGER NOT NULL,

    CONSTRAINT "SkippedSentence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" SERIAL NOT NULL,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "fileName" TEXT,
    "content" BYTEA NOT NULL,
    "title" TEXT,
    "publisher" TEXT,
    "url" TEXT,
    "publishedAt" DATE,
    "state" "ImportState" NOT NULL DEFAULT 'QUEUED',
    "stage" TEXT NOT NULL DEFAULT 'queued',
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "documentId" INTEGER,
    "duplicate" BOOLEAN NOT NULL DEFAULT false,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ClaimCandidate_claimId_key" ON "ClaimCandidate"("claimId");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimCandidate_documentId_startOffset_endOffset_key" ON "ClaimCandidate"("documentId", "startOffset", "endOffset");

-- CreateIndex
CREATE INDEX "ProposedEntity_documentId_idx" ON "ProposedEntity"("documentId");

-- CreateIndex
CREATE INDEX "ProposedEntityMention_proposedEntityId_idx" ON "ProposedEntityMention"("proposedEntityId");

-- CreateIndex
CREATE INDEX "SkippedSentence_documentId_startOffset_idx" ON "SkippedSentence"("documentId", "startOffset");

-- CreateIndex
CREATE INDEX "ImportJob_createdById_createdAt_idx" ON "ImportJob"("createdById", "createdAt");

-- CreateIndex
CREATE INDEX "ImportJob_state_idx" ON "ImportJob"("state");

-- CreateIndex
CREATE INDEX "Document_state_idx" ON "Document"("state");

-- AddForeignKey
ALTER TABLE "ClaimCandidate" ADD CONSTRAINT "ClaimCandidate_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimCandidate" ADD CONSTRAINT "ClaimCandidate_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimCandidate" ADD CONSTRAINT "ClaimCandidate_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposedEntity" ADD CONSTRAINT "ProposedEntity_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposedEntity" ADD CONSTRAINT "ProposedEntity_parentEntityId_fkey" FOREIGN KEY ("parentEntityId") REFERENCES "Entity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposedEntity" ADD CONSTRAINT "ProposedEntity_parentProposalId_fkey" FOREIGN KEY ("parentProposalId") REFERENCES "ProposedEntity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposedEntityMention" ADD CONSTRAINT "ProposedEntityMention_proposedEntityId_fkey" FOREIGN KEY ("proposedEntityId") REFERENCES "ProposedEntity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SkippedSentence" ADD CONSTRAINT "SkippedSentence_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportJob" ADD CONSTRAINT "ImportJob_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportJob" ADD CONSTRAINT "ImportJob_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;
