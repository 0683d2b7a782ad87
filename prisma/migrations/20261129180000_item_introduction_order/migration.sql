-- CreateIndex
CREATE INDEX "Item_position_id_idx" ON "Item"("position", "id");

