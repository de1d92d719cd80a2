/** The support desk dialogs' bodies, checked with the contract's schemas (a reason is required). */
import {
  supportActionBodySchema,
  verifyAttributesBodySchema,
  type SupportActionBody,
  type VerifiableAttributeName,
  type VerifyAttributesBody,
} from '@poolkeeper/contract';
import { formLevelError, type ContractForm } from '../../common/contract-form';

/** Resend invitation and confirm sign-up send only the (required) reason. */
export const supportActionForm: ContractForm<{ reason: string }> = {
  schema: supportActionBodySchema,
  toBody: ({ reason }): SupportActionBody => ({ reason: reason.trim() }),
  fieldOf: (field) => (field === 'reason' ? field : formLevelError),
};

export const verifyAttributesForm: ContractForm<{
  reason: string;
  attributes: VerifiableAttributeName[];
}> = {
  schema: verifyAttributesBodySchema,
  toBody: ({ reason, attributes }): VerifyAttributesBody => ({ attributes, reason: reason.trim() }),
  fieldOf: (field) => (field === 'reason' ? field : formLevelError),
};
