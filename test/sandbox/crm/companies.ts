import { randomUUID } from "crypto";

import type { Json } from "./common";
import {
  fail,
  invalidInput,
  isObject,
  lsqDate,
  mandatoryMissing,
  objectBody,
  pageIndexPaging,
  reply,
  sameId,
} from "./common";
import type { CrmRoutes } from "./routeTypes";
import type { CrmStore } from "./store";
import { BUSINESS_EXCEPTION_STATUS } from "./unconfirmed";

/**
 * Accounts (companies), as LeadSquared's pages create-an-account, get-an-account and
 * update-an-account describe them, and a published live probe (Company.Update's body).
 */
const BASE = "/v2/CompanyManagement.svc";

/** No readable page lists an account's company types: the sandbox account has the pages' two examples. */
export const SANDBOX_COMPANY_TYPES = ["Partners", "Vendors"];

interface Company {
  id: string;
  type: string;
  fields: Record<string, string>;
}

const companiesOf = new WeakMap<CrmStore, Company[]>();
const companies = (store: CrmStore): Company[] => {
  if (!companiesOf.has(store)) companiesOf.set(store, []);
  return companiesOf.get(store)!;
};

function companyType(body: Json): string {
  const type = isObject(body.CompanyType)
    ? (body.CompanyType as Json).CompanyTypeName
    : undefined;
  if (typeof type !== "string" || !type)
    return mandatoryMissing("CompanyType.CompanyTypeName is mandatory");
  const known = SANDBOX_COMPANY_TYPES.find(
    (name) => name.toLowerCase() === type.toLowerCase(),
  );
  return known ?? invalidInput(`Company type ${type} does not exist`);
}

function properties(list: unknown, where: string): Record<string, string> {
  // Probe: a bare array (no CompanyProperties) fails with "You're missing Company details".
  if (!Array.isArray(list) || list.length === 0)
    return mandatoryMissing("You're missing Company details");
  const fields: Record<string, string> = {};
  for (const pair of list) {
    if (
      !isObject(pair) ||
      typeof pair.Attribute !== "string" ||
      !pair.Attribute
    )
      invalidInput(`${where}: every entry needs an Attribute`);
    const { Attribute, Value } = pair as Json;
    fields[Attribute as string] =
      Value === undefined || Value === null ? "" : String(Value);
  }
  return fields;
}

function create(store: CrmStore, body: unknown) {
  const request = objectBody(body);
  const type = companyType(request);
  const fields = properties(request.CompanyProperties, "CompanyProperties");
  if (!fields.CompanyName) mandatoryMissing("CompanyName is mandatory");
  const at = lsqDate(store.now());
  const company: Company = {
    id: randomUUID(),
    type,
    fields: { ...fields, CreatedOn: at, ModifiedOn: at },
  };
  companies(store).push(company);
  return { Status: "Success", Message: { Id: company.id } };
}

function update(store: CrmStore, body: unknown, companyId: string | null) {
  if (!companyId) mandatoryMissing("companyId is mandatory");
  const fields = properties(
    isObject(body) ? body.CompanyProperties : undefined,
    "CompanyProperties",
  );
  const company =
    companies(store).find((c) => sameId(c.id, companyId)) ??
    fail(
      BUSINESS_EXCEPTION_STATUS.MXInvalidEntityReferenceException,
      "MXInvalidEntityReferenceException",
      "Company not found",
    );
  Object.assign(company.fields, fields, { ModifiedOn: lsqDate(store.now()) });
  return { Status: "Success", Message: { AffectedRows: 1 } };
}

function matches(company: Company, query: Json): boolean {
  const text =
    typeof query.SearchText === "string" ? query.SearchText.toLowerCase() : "";
  if (text && !(company.fields.CompanyName ?? "").toLowerCase().includes(text))
    return false;
  if (isObject(query.FilterBy)) {
    const { LookupName, LookupValue, SqlOperator } = query.FilterBy as Json;
    if ((SqlOperator ?? "=") !== "=")
      invalidInput('The sandbox filters with SqlOperator "=" only');
    const value =
      LookupName === "CompanyId"
        ? company.id
        : company.fields[String(LookupName)];
    if (
      String(value ?? "").toLowerCase() !==
      String(LookupValue ?? "").toLowerCase()
    )
      return false;
  }
  return true;
}

function get(store: CrmStore, body: unknown) {
  const request = objectBody(body);
  const query = isObject(request.Query)
    ? (request.Query as Json)
    : mandatoryMissing("Query is mandatory");
  const type = companyType(query as Json);
  const found = companies(store).filter(
    (c) => c.type === type && matches(c, query as Json),
  );
  const { skip, take } = pageIndexPaging(request, 100);
  const columns = isObject(request.Columns)
    ? String((request.Columns as Json).Include_CSV ?? "")
    : "";
  const wanted = columns ? columns.split(",").map((c) => c.trim()) : undefined;
  return {
    RecordCount: found.length,
    Companies: found.slice(skip, skip + take).map((c) => ({
      companyPropertyList: Object.entries({ CompanyId: c.id, ...c.fields })
        .filter(([key]) => !wanted || wanted.includes(key))
        .map(([Attribute, Value]) => ({ Attribute, Value })),
    })),
  };
}

export function companyRoutes(): CrmRoutes {
  return {
    [`POST ${BASE}/Company.Create`]: {
      handler: ({ store, body }) => reply(create(store, body)),
    },
    [`POST ${BASE}/Company.Update`]: {
      handler: ({ store, body, query }) =>
        reply(update(store, body, query.get("companyId"))),
    },
    [`POST ${BASE}/Company.Get`]: {
      handler: ({ store, body }) => reply(get(store, body)),
    },
  };
}
