import { MessagePage } from "@/components/layout/MessagePage";
import { commonText } from "@/lib/i18n/vi/common";

export default function NotFound() {
  return <MessagePage title={commonText.notFoundTitle} lead={commonText.notFoundLead} />;
}
