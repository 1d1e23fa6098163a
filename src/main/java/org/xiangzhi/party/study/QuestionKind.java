package org.xiangzhi.party.study;

/** The kinds of question in the bank. */
public enum QuestionKind {

	/** 单选题: exactly one option is right. */
	SINGLE,
	/** 多选题: two or more options are right; scored all-or-nothing. */
	MULTIPLE,
	/** 判断题: the statement is true ({@code T}) or false ({@code F}). */
	TRUE_FALSE;

	public boolean hasOptions() {
		return this != TRUE_FALSE;
	}

	public String messageKey() {
		return "party.study.question.kind." + name();
	}

}
