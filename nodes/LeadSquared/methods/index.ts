import * as leadAndUserOptions from './loadOptions';
import * as listOptions from './listOptions';
import * as productOptions from './productOptions';
import * as typeOptions from './typeOptions';

export * as listSearch from './listSearch';

export const loadOptions = { ...leadAndUserOptions, ...typeOptions, ...productOptions, ...listOptions };
