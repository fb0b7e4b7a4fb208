import { MessagePage } from "@/components/layout/MessagePage";
import { authText } from "@/lib/i18n/vi/auth";

export default function Forbidden() {
  return <MessagePage title={authText.forbiddenTitle} lead={authText.forbiddenLead} />;
}
