// Words for the audit trail (the VPCP admin's system log on /quan-tri): every action, entity kind, outcome,
// role and kind of actor the trail can hold. Each map is a Record over its closed list
// (lib/audit/actions.ts), so a new code without words does not build; tests/unit/audit-labels.test.ts checks
// that no label is its own code.
import {
  isAuditAction,
  isAuditEntityType,
  type AuditAction,
  type AuditActorKind,
  type AuditEntityType,
  type AuditOutcome,
} from "@/lib/audit/actions";
import type { Role } from "@/lib/auth/permissions";
import type { LimitName } from "@/lib/security/rate-limit";

export const auditActionText: Record<AuditAction, string> = {
  // Accounts and sign-in
  "account.register": "Đăng ký tài khoản",
  "account.verifyEmail": "Xác nhận địa chỉ thư điện tử",
  "account.requestPasswordReset": "Yêu cầu đặt lại mật khẩu",
  "account.resetPassword": "Đặt lại mật khẩu",
  "account.changePassword": "Đổi mật khẩu",
  "account.signOutEverywhere": "Đăng xuất khỏi mọi thiết bị",
  "account.secondFactor": "Quản lý xác thực hai bước",
  "auth.signIn": "Đăng nhập",
  "auth.eidSignIn": "Đăng nhập bằng định danh điện tử",
  "auth.eidClaimCccd": "Tạo tài khoản từ định danh điện tử",
  "auth.secondFactor.enrolStart": "Bắt đầu đăng ký xác thực hai bước",
  "auth.secondFactor.enrol": "Đăng ký xác thực hai bước",
  "auth.secondFactor.verify": "Nhập mã xác thực hai bước",
  "auth.secondFactor.recoveryCodes": "Tạo mã khôi phục",
  "auth.secondFactor.disable": "Tắt xác thực hai bước",
  "auth.secondFactor.reset": "Đặt lại xác thực hai bước của cán bộ",
  "audit.chainStart": "Bắt đầu chuỗi nhật ký",
  "audit.read": "Xem nhật ký hệ thống",
  "admin.read": "Xem trang quản trị",
  // Agencies, officers, services
  "agency.create": "Thêm cơ quan",
  "agency.update": "Sửa thông tin cơ quan",
  "agency.retire": "Ngừng hoạt động cơ quan",
  "agency.applySuccession": "Áp dụng sắp xếp, sáp nhập cơ quan",
  "agency.manage": "Quản lý sổ đăng ký cơ quan",
  "agency.manageOfficers": "Quản lý cán bộ của cơ quan",
  "agency.manageServices": "Quản lý dịch vụ công của cơ quan",
  "agency.integration": "Quản lý kết nối của cơ quan",
  "officer.create": "Thêm tài khoản cán bộ",
  "officer.setDisabled": "Khóa hoặc mở khóa tài khoản cán bộ",
  "service.update": "Sửa thiết lập dịch vụ công",
  "service.intakeMode": "Đổi cách tiếp nhận hồ sơ của dịch vụ",
  "apikey.issue": "Cấp khóa API",
  "apikey.rotate": "Đổi khóa API",
  "apikey.revoke": "Thu hồi khóa API",
  "workspace.read": "Mở trang làm việc của cán bộ",
  // Citizens' filing
  "draft.save": "Lưu bản nháp hồ sơ",
  "draft.upgrade": "Chuyển bản nháp sang biểu mẫu mới",
  "attachment.upload": "Tải lên tệp đính kèm",
  "attachment.reuse": "Dùng lại giấy tờ trong kho",
  "attachment.remove": "Xóa tệp đính kèm",
  "dossier.file": "Nộp hồ sơ trực tuyến",
  "dossier.readOwn": "Xem hồ sơ của mình",
  "dossier.submit": "Nộp hồ sơ",
  "dossier.supply": "Bổ sung hồ sơ",
  "dossier.withdraw": "Rút hồ sơ",
  "dossier.rate": "Đánh giá mức độ hài lòng",
  "payment.start": "Bắt đầu thanh toán",
  "payment.confirm": "Xác nhận thanh toán",
  "paper.edit": "Sửa giấy tờ trong kho",
  "paper.delete": "Xóa giấy tờ khỏi kho",
  "paper.manageOwn": "Quản lý kho giấy tờ của mình",
  "notification.readOwn": "Xem thông báo của mình",
  "organisation.create": "Thêm tổ chức",
  "organisation.update": "Sửa thông tin tổ chức",
  "organisation.addMember": "Thêm thành viên tổ chức",
  "organisation.removeMember": "Bỏ thành viên tổ chức",
  "organisation.leave": "Rời tổ chức",
  "organisation.manage": "Quản lý tổ chức",
  // Officers' work
  "dossier.process": "Xử lý hồ sơ",
  "dossier.act": "Xử lý hồ sơ (chuyển bước)",
  "dossier.assign": "Phân công hồ sơ",
  "dossier.transfer": "Chuyển hồ sơ sang cơ quan khác",
  "dossier.apologize": "Gửi thư xin lỗi, hẹn lại ngày trả",
  "queue.saveFilter": "Lưu bộ lọc danh sách hồ sơ",
  "queue.deleteFilter": "Xóa bộ lọc danh sách hồ sơ",
  "feedback.submit": "Gửi phản ánh, kiến nghị",
  "feedback.accept": "Tiếp nhận phản ánh, kiến nghị",
  "feedback.refuse": "Từ chối phản ánh, kiến nghị",
  "feedback.forward": "Chuyển phản ánh, kiến nghị",
  "feedback.reroute": "Điều phối lại phản ánh, kiến nghị",
  "feedback.draft": "Soạn trả lời phản ánh, kiến nghị",
  "feedback.sendBack": "Trả lại dự thảo trả lời",
  "feedback.approve": "Duyệt trả lời phản ánh, kiến nghị",
  "feedback.handle": "Xử lý phản ánh, kiến nghị",
  "feedback.route": "Điều phối phản ánh, kiến nghị",
  // Documents and dossier sync with agencies' systems
  "document.send": "Gửi văn bản",
  "document.receive": "Nhận văn bản",
  "document.status": "Cập nhật trạng thái văn bản",
  "document.acknowledge": "Xác nhận đã nhận văn bản",
  "document.recall-all": "Thu hồi văn bản",
  "document.endpoint.save": "Lưu địa chỉ nhận văn bản",
  "document.endpoint.remove": "Xóa địa chỉ nhận văn bản",
  "document.endpoint.secret": "Đổi khóa ký của địa chỉ nhận văn bản",
  "dossier.syncEndpoint.save": "Lưu địa chỉ đồng bộ hồ sơ",
  "dossier.sync": "Đồng bộ hồ sơ từ hệ thống một cửa",
  "dossier.syncOut": "Tải hồ sơ về hệ thống một cửa",
  "dossier.sync.create": "Nhận hồ sơ đồng bộ từ hệ thống một cửa",
  "dossier.sync.status": "Nhận trạng thái hồ sơ đồng bộ",
  "dossier.sync.get": "Tra cứu hồ sơ đồng bộ",
  "dossier.sync.acknowledge": "Hệ thống một cửa xác nhận đã nhận hồ sơ",
  "dossier.sync.reconcile": "Đối soát hồ sơ đồng bộ",
  "outbox.resend": "Gửi lại thông điệp",
  // VPCP administration
  "monitoring.recordConnection": "Ghi nhận trạng thái kết nối",
  "calendar.manage": "Quản lý lịch làm việc",
  "calendar.saveDay": "Lưu ngày nghỉ, ngày làm bù",
  "calendar.deleteDay": "Xóa ngày nghỉ, ngày làm bù",
  "calendar.addSuggested": "Thêm các ngày nghỉ gợi ý",
  "catalog.synonyms": "Quản lý từ đồng nghĩa",
  "catalog.saveSynonym": "Lưu từ đồng nghĩa",
  "catalog.deleteSynonym": "Xóa từ đồng nghĩa",
  "catalog.faq": "Quản lý câu hỏi thường gặp",
  "catalog.saveFaq": "Lưu câu hỏi thường gặp",
  "catalog.deleteFaq": "Xóa câu hỏi thường gặp",
  "form.edit": "Sửa biểu mẫu",
  "form.editNational": "Sửa biểu mẫu dùng chung toàn quốc",
  "form.draft": "Tạo bản nháp biểu mẫu",
  "form.save": "Lưu bản nháp biểu mẫu",
  "form.publish": "Ban hành phiên bản biểu mẫu",
  "form.discard": "Bỏ bản nháp biểu mẫu",
  "programme.manage": "Quản lý danh mục dịch vụ công ưu tiên",
  "programme.comment": "Góp ý danh mục dịch vụ công ưu tiên",
  "priorityList.create": "Tạo danh mục dịch vụ công ưu tiên",
  "priorityList.addEntry": "Thêm thủ tục vào danh mục ưu tiên",
  "priorityList.removeEntry": "Bỏ thủ tục khỏi danh mục ưu tiên",
  "priorityList.advance": "Chuyển bước danh mục ưu tiên",
  "priorityList.comment": "Góp ý danh mục ưu tiên",
  "milestone.update": "Cập nhật mốc tiến độ",
  "inspection.plan": "Lập kế hoạch kiểm tra",
  "inspection.findings": "Ghi kết quả kiểm tra",
  "inspection.addFollowUp": "Thêm việc cần khắc phục",
  "inspection.completeFollowUp": "Hoàn thành việc khắc phục",
};

export const auditEntityText: Record<AuditEntityType, string> = {
  agency: "Cơ quan",
  agency_connection_record: "Ghi nhận kết nối",
  api_key: "Khóa API",
  attachment: "Tệp đính kèm",
  audit_event: "Nhật ký hệ thống",
  calendar_day: "Ngày trong lịch",
  calendar_year: "Lịch năm",
  document: "Văn bản",
  document_endpoint: "Địa chỉ nhận văn bản",
  document_recipient: "Nơi nhận văn bản",
  dossier: "Hồ sơ",
  draft: "Bản nháp hồ sơ",
  feedback: "Phản ánh, kiến nghị",
  form_version: "Phiên bản biểu mẫu",
  inspection: "Đợt kiểm tra",
  milestone: "Mốc tiến độ",
  organisation: "Tổ chức",
  outbox_message: "Thông điệp gửi đi",
  payment: "Khoản thanh toán",
  priority_list: "Danh mục ưu tiên",
  queue_saved_filter: "Bộ lọc đã lưu",
  rate_limit: "Giới hạn số lần thử",
  route: "Trang, đường dẫn",
  search_synonym: "Từ đồng nghĩa",
  faq: "Câu hỏi thường gặp",
  service: "Dịch vụ công",
  stored_paper: "Giấy tờ trong kho",
  sync_endpoint: "Địa chỉ đồng bộ hồ sơ",
  sync_reconciliation: "Đợt đối soát",
  upload: "Tệp tải lên",
  use_case: "Chức năng",
  user: "Tài khoản",
};

/** The limits a refused attempt ran into (entity "rate_limit": lib/security/rate-limit.ts LIMITS). */
export const rateLimitText: Record<LimitName, string> = {
  signInAccountClient: "đăng nhập sai nhiều lần vào một tài khoản",
  signInClient: "đăng nhập nhiều lần từ một địa chỉ",
  register: "đăng ký nhiều tài khoản",
  passwordResetAccount: "yêu cầu đặt lại mật khẩu cho một tài khoản",
  passwordResetClient: "yêu cầu đặt lại mật khẩu từ một địa chỉ",
  trackingClient: "tra cứu hồ sơ nhiều lần",
  trackingCode: "tra cứu sai một mã hồ sơ",
  apiKey: "gọi API nhiều lần bằng một khóa",
  apiKeyFailuresClient: "dùng khóa API sai nhiều lần",
  verifyClient: "xác minh kết quả nhiều lần",
  secondFactorUser: "nhập sai mã xác thực hai bước",
  organisationAddMember: "thêm thành viên tổ chức nhiều lần",
  feedbackClient: "gửi phản ánh, kiến nghị nhiều lần",
};

export const auditOutcomeText: Record<AuditOutcome, string> = { ok: "Thành công", denied: "Bị từ chối", failed: "Thất bại" };

export const roleText: Record<Role, string> = {
  CITIZEN: "Công dân",
  OFFICER: "Cán bộ",
  AGENCY_ADMIN: "Quản trị cơ quan",
  VPCP_ADMIN: "Quản trị VPCP",
};

export const auditActorKindText: Record<AuditActorKind, string> = {
  user: "Người dùng",
  agency_system: "Hệ thống của cơ quan",
  gateway: "Cổng thanh toán",
  job: "Tác vụ tự động",
  anonymous: "Khách",
};

const auditText = {
  /** An action recorded before the list was closed (older entries): said as such, never shown raw. */
  unknownAction: "Hành động khác (bản ghi cũ)",
  unknownEntity: "Đối tượng khác",
  /** A use case refused for lack of a permission: the entry's object is the use case. */
  refusedUseCase: (name: string) => `Chức năng “${name}”`,
};

/** The words of a stored action (a free string in the table: entries older than the closed list stay readable). */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? auditActionText[action] : auditText.unknownAction;
}

/** The words of what an entry is about; a refused use case (entity "use_case") is named by its words too. */
export function auditEntityLabel(entityType: string, entityId: string | null): string {
  const kind = isAuditEntityType(entityType) ? auditEntityText[entityType] : auditText.unknownEntity;
  if (!entityId) return kind;
  if (entityType === "use_case") return auditText.refusedUseCase(auditActionLabel(entityId));
  if (entityType === "rate_limit")
    return `${kind}: ${entityId in rateLimitText ? rateLimitText[entityId as LimitName] : auditText.unknownEntity}`;
  return `${kind}: ${entityId}`;
}

/** Who acted: the role of a person, otherwise the kind of actor. */
export function auditActorLabel(actorRole: string | null, actorKind: string): string {
  if (actorRole && actorRole in roleText) return roleText[actorRole as Role];
  return actorKind in auditActorKindText ? auditActorKindText[actorKind as AuditActorKind] : "—";
}

export function auditOutcomeLabel(outcome: string): string {
  return outcome in auditOutcomeText ? auditOutcomeText[outcome as AuditOutcome] : auditText.unknownAction;
}
