import { recordLayout } from "@/app/(dashboard)/_components/record-layout";
import { sourceTitleOf } from "@/app/(dashboard)/_components/records";

export default recordLayout("id", sourceTitleOf);
