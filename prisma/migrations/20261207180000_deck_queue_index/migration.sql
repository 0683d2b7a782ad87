-- CreateIndex
CREATE INDEX "Item_documentId_position_id_idx" ON "Item"("documentId", "position", "id");

