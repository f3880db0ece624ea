import { recordLayout } from "@/app/(dashboard)/_components/record-layout";
import { loadSource } from "@/app/(dashboard)/_components/records";

export default recordLayout("id", loadSource);
