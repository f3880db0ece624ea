import { recordLayout } from "@/app/(dashboard)/_components/record-layout";
import { documentTitleOf } from "@/app/(dashboard)/_components/records";

export default recordLayout("id", documentTitleOf);
