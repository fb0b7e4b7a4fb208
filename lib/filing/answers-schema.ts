// Moved to lib/forms/answers.ts; kept so existing imports read on.
export {
  answersSchema,
  isVisible,
  isRequired,
  isStepVisible,
  visibleSteps,
  errorsByPath,
  type AddressValue,
  type AnswerValue,
  type Answers,
  type GroupItem,
} from "@/lib/forms/answers";
export { allFields } from "@/lib/forms/definition";
