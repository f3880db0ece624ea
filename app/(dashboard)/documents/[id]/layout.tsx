import { recordLayout } from "@/app/(dashboard)/_components/record-layout";
import { loadDocument } from "@/app/(dashboard)/_components/records";

export default recordLayout("id", loadDocument);
