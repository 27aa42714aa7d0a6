/** The assertion of a finding: whether the text says the patient has it. */
package org.hpolink.assertion;
